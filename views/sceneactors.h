#pragma once
// Small VTK building blocks of the scene, each keeping the filters it is built from (no
// digging them back out of a mapper): actors on poly data, actors clipped to the plot's
// box, balls and arrows placed by a transform.

#include "scenestyle.h"

#include <Eigen/Core>
#include <array>
#include <optional>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkAlgorithmOutput;
class vtkArrowSource;
class vtkBox;
class vtkClipPolyData;
class vtkMergePoints;
class vtkGlyph3D;
class vtkPoints;
class vtkPolyData;
class vtkRenderer;
class vtkTextActor;
class vtkCallbackCommand;
class vtkTransform;
class vtkTransformPolyDataFilter;

namespace gs {

/// A renderer for a view's scene, without frustum culling: VTK's culler asks every prop for
/// its bounds before each render (billboard labels recompute theirs), 18% of a drag's render
/// time on the main thread, and skips nothing a scene holds (the clipping does that anyway).
vtkSmartPointer<vtkRenderer> makeSceneRenderer();

/// An actor drawing `data` (or the output of `input`), with scalar colouring off.
vtkSmartPointer<vtkActor> makeActor(vtkAlgorithmOutput* input, vtkPolyData* data = nullptr);

/// Draws `actor` over everything opaque (the surface, the models) whatever its depth, and
/// still in depth order among the actors drawn this way: its fragments' depth is squeezed
/// into the front 1/1000 of the depth range. For the point, the arrows and the paths. A
/// smaller `share` squeezes it further to the front: over the others drawn this way where
/// they coincide (the step taken inside the moment arrow it follows).
void drawOnTop(vtkActor* actor, double share = 0.001);

/// Where drawOverScene puts a translucent actor's fragments: depth kOverSceneDepth (1 + z),
/// behind everything drawOnTop squeezes into [0, 0.001] and in front of the rest of the
/// scene (whose depth lies in (0.002, 1] but for what touches the near plane).
constexpr double kOverSceneDepth = 0.001;

/// Draws the translucent `actor` over the opaque scene (a shaded surface that would bury
/// it) yet under what drawOnTop draws, or (over false) at its own depth again. For the
/// tangent plane over the shaded surface: a convex surface lies above its tangent plane, so
/// the plane, depth-tested, was hidden but for a sliver.
void drawOverScene(vtkActor* actor, bool over);

/// Keeps a one-line text actor (a title) within `fraction` of its renderer's width: before
/// each render its font is the wanted size, made smaller where the text would not fit (a
/// long title at a lecture's font scale, a narrow view). Removes its observer when destroyed.
class FitTextWidth {
public:
    FitTextWidth(vtkTextActor* text, vtkRenderer* renderer, double fraction);
    ~FitTextWidth();
    FitTextWidth(const FitTextWidth&) = delete;
    FitTextWidth& operator=(const FitTextWidth&) = delete;
    /// The size the text has wherever it fits.
    void setFontSize(int wanted);
    /// Applies the rule now (the render's start does it too).
    void fit();

private:
    vtkTextActor* m_text;
    vtkRenderer* m_renderer;
    double m_fraction;
    int m_wanted = 12;
    unsigned long m_observer = 0;
    vtkSmartPointer<vtkCallbackCommand> m_callback;
};

/// An actor whose poly data is clipped to a box: models and paths never leave the plot.
/// Clipped by each of the box's six faces in turn: a face's plane is linear, so a segment is
/// cut exactly where it crosses it. (One clip by the box's distance function interpolated
/// it linearly along a segment: a Newton step leaving the domain was cut a third of the way
/// to the edge, tester s15.)
struct ClippedActor {
    explicit ClippedActor(vtkBox* box);
    void setInput(vtkPolyData* data);
    vtkPolyData* input() const;
    vtkPolyData* output() const;           ///< after clipping (updates the filters)
    vtkSmartPointer<vtkClipPolyData> clip; ///< the first face's (Modified() clips again)
    vtkSmartPointer<vtkActor> actor;

private:
    static constexpr double kPointsPerBucket = 3;            ///< vtkPointLocator's default
    std::array<vtkSmartPointer<vtkClipPolyData>, 6> m_faces; ///< m_faces[0] is clip
    std::array<vtkSmartPointer<vtkMergePoints>, 6> m_merge;  ///< their locators, sized per input
};

/// A sphere of a given colour, moved and sized by place().
struct Ball {
    explicit Ball(const Rgb& color);
    void place(const double at[3], double diameter);
    vtkSmartPointer<vtkTransform> transform;
    vtkSmartPointer<vtkTransformPolyDataFilter> filter;
    vtkSmartPointer<vtkActor> actor;
};

/// A filled screen-facing disc of a given colour (the point in the flat views), placed by
/// place(); hidden while it has no place.
struct Disc {
    explicit Disc(const Rgb& color);
    /// At `at` with diameter `size`, or nowhere.
    void place(const std::optional<Eigen::Vector3d>& at, double size);
    vtkSmartPointer<vtkPoints> points;
    vtkSmartPointer<vtkGlyph3D> glyph;
    vtkSmartPointer<vtkActor> actor;
};

/// An arrow of a given colour, placed by place().
struct Arrow {
    explicit Arrow(const Rgb& color);
    /// From `origin` along `direction`, `length` long.
    void place(const Eigen::Vector3d& origin, const Eigen::Vector3d& direction, double length);
    /// Shaft radius, tip radius and tip length in the scene's units, whatever the length
    /// (by default they grow with it: 0.025, 0.08 and 0.25 of it); call before place().
    void setThickness(double shaftRadius, double tipRadius, double tipLength, double length);
    vtkSmartPointer<vtkArrowSource> source; ///< unit length along +x
    vtkSmartPointer<vtkTransform> transform;
    vtkSmartPointer<vtkTransformPolyDataFilter> filter;
    vtkSmartPointer<vtkActor> actor;
};

} // namespace gs
