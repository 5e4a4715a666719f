#pragma once
// The parts of vtkCubeAxesActor and vtkAxisActor that both the 2-D frame (plot2d.cpp: titles
// moved clear of their labels) and the vector exporter (vectorexport.cpp: what to draw) reach;
// vtkmember.h says how. Include in a .cpp only: the tags are that file's own.

#include "vtkmember.h"

#include <vtkAxisActor.h>
#include <vtkCubeAxesActor.h>
#include <vtkTextActor.h>

namespace gs {
namespace { // NOLINT(google-build-namespaces): each file's tags are its own

// vtkCubeAxesActor's NUMBER_OF_ALIGNED_AXIS (4 copies of each axis, one per edge of the box).
constexpr int kAlignedAxes = 4;
using IndexArray = int[kAlignedAxes];
GS_MEMBER(CubeRenderX, vtkCubeAxesActor, IndexArray, RenderAxesX)
GS_MEMBER(CubeRenderY, vtkCubeAxesActor, IndexArray, RenderAxesY)
GS_MEMBER(CubeCountX, vtkCubeAxesActor, int, NumberOfAxesX)
GS_MEMBER(CubeCountY, vtkCubeAxesActor, int, NumberOfAxesY)
GS_MEMBER(AxisTitle2D, vtkAxisActor, vtkTextActor*, TitleActor2D)
GS_MEMBER(AxisLabels2D, vtkAxisActor, vtkTextActor**, LabelActors2D)

} // namespace
} // namespace gs
