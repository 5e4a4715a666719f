#include "scenepicking.h"

#include "sceneactors.h"

#include <vtkActor.h>
#include <vtkCellPicker.h>
#include <vtkMapper.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>
#include <vtkStaticCellLocator.h>

namespace gs {

ScenePicker::ScenePicker(vtkActor* marker)
    : m_marker(marker)
    , m_mesh(makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New()))
    , m_surfacePicker(vtkSmartPointer<vtkCellPicker>::New())
    , m_markerPicker(vtkSmartPointer<vtkCellPicker>::New()) {
    m_surfacePicker->SetTolerance(0.0005);
    m_surfacePicker->PickFromListOn();
    m_surfacePicker->AddPickList(m_mesh);
    m_markerPicker->SetTolerance(0.002);
    m_markerPicker->PickFromListOn();
    m_markerPicker->AddPickList(m_marker);
}

void ScenePicker::setSurface(vtkPolyData* mesh) {
    m_mesh->GetMapper()->SetInputDataObject(mesh);
    m_mesh->GetMapper()->Update();
    m_surfacePicker->RemoveAllLocators();
    // f undefined on the whole domain leaves no triangles: nothing to pick (and a locator
    // over no cells only logs an error).
    m_hasSurface = mesh && mesh->GetNumberOfCells() > 0;
    if (!m_hasSurface)
        return;
    auto locator = vtkSmartPointer<vtkStaticCellLocator>::New();
    locator->SetDataSet(mesh);
    locator->BuildLocator();
    m_surfacePicker->AddLocator(locator);
}

std::optional<Eigen::Vector2d> ScenePicker::pickSurface(vtkRenderer* renderer, int x, int y) const {
    if (!m_hasSurface || !m_surfacePicker->Pick(x, y, 0, renderer))
        return std::nullopt;
    const double* p = m_surfacePicker->GetPickPosition();
    return Eigen::Vector2d(p[0], p[1]);
}

bool ScenePicker::hitsMarker(vtkRenderer* renderer, int x, int y) const {
    return m_marker->GetVisibility() && m_markerPicker->Pick(x, y, 0, renderer);
}

} // namespace gs
