#pragma once
// What the scene draws at the expansion point: the marker, the tangent plane, the quadratic
// model, the gradient arrows (ascent and descent), and the quadratic a Newton step minimized.
// All clipped to the plot's box; the tangent plane to the box widened in f around the point
// (a plane at a maximum or minimum lies on the box's top or bottom and must stay whole).

#include "arrowscale.h"
#include "optimizers.h"
#include "sceneactors.h"
#include "surface.h"
#include "surfacegeometry.h"

#include <array>
#include <string>
#include <vector>

class vtkTextActor;

namespace gs {

class ExpansionOverlays {
public:
    explicit ExpansionOverlays(vtkBox* box);
    /// Adds the Newton model, then the point's overlays (the scene's drawing order).
    void addNewtonModelTo(vtkRenderer* renderer) const;
    void addTo(vtkRenderer* renderer) const;

    /// Shows `e` over the surface's grid `g` (hides everything when `e` is null, f is not
    /// defined at the point or the point is outside the grid's domain). `zScale` maps f's units to
    /// the box's, as `height` does. `slope` is the plot's mean slope (meanSlope), the arrows'
    /// scale.
    void update(const Expansion* e, const GridSpec* g, const HeightMap& height,
                const SceneStyle& style, double slope);
    void applyStyle(const PixelScale& scale);
    /// The box's bounds changed: clipped models must be clipped again.
    void boxChanged();

    /// The model a Newton step minimized, and a label saying what that step was
    /// (newtonStepText; empty: no label).
    void setNewtonModel(const GridSpec& grid, const Eigen::ArrayXXd& values,
                        const HeightMap& height, const std::string& label);
    void clearNewtonModel();
    bool newtonModelVisible() const;
    /// The Newton label's text, empty when hidden.
    std::string newtonLabel() const;
    /// Puts the Newton label at the bottom right of the view, or where its box meets none of
    /// `avoid` (display pixels: xmin, xmax, ymin, ymax; the axes' tick labels and titles):
    /// bottom left, then a line higher at a time, right and left (before every render).
    /// Failing those, broken onto two lines, and under `top` (normalized viewport units: the
    /// title's bottom), left or right.
    void placeNewtonLabel(vtkRenderer* renderer, const std::vector<std::array<double, 4>>& avoid,
                          double top);
    /// Its box where it is drawn (display pixels: xmin, xmax, ymin, ymax), zero when hidden.
    std::array<double, 4> newtonLabelBox(vtkRenderer* renderer) const;

    vtkActor* marker() const { return m_marker.actor; }
    /// The length of the ∇f arrow as drawn (0 when it is not).
    double arrowLength() const { return m_arrowLength; }
    /// The world box of the ∇f and −∇f arrows as drawn; empty (min > max) when they are not.
    std::array<double, 6> arrowBounds() const;
    /// What is drawn of the quadratic model, after clipping.
    vtkPolyData* quadraticGeometry() const { return m_quadratic.output(); }
    /// What is drawn of Newton's model, after clipping.
    vtkPolyData* newtonGeometry() const { return m_newton.output(); }
    /// What is drawn of the tangent plane, after clipping.
    vtkPolyData* tangentGeometry() const { return m_tangent.output(); }

    /// The plane is clipped to the plot's box widened by this share of the box's height
    /// above and below the point, so that near an extreme it is drawn on both sides.
    static constexpr double kTangentMargin = 0.15;

private:
    vtkBox* m_plotBox;
    vtkSmartPointer<vtkBox> m_tangentBox;
    Ball m_marker;
    ClippedActor m_tangent, m_quadratic, m_newton;
    Arrow m_ascent, m_descent;
    vtkSmartPointer<vtkTextActor> m_newtonLabel;
    std::string m_newtonText; ///< its text on one line (drawn on two where that fits better)
    double m_arrowLength = 0;
};

/// What the Newton step numbered `index` (from iterate index - 1 to `next`) actually was,
/// from the engine's record of it (Step::newton, Step::stepLength): "Newton step 3: pure, the
/// full step to the grey model's minimum" (the mesh drawn: tester s23 found it named
/// nowhere), "... damped, t = 0.25 of the step to the grey model's minimum", "...
/// safeguarded (H not positive definite): eigenvalues floored at 1/lr" (", t = 0.5" when
/// backtracked). Empty when `next` did not come from a Newton step.
std::string newtonStepText(const Step& next, int index);

/// Whether the expansion point lies in the plotted domain `g` (over its two plotted inputs).
/// A point outside it is not drawn, nor what is drawn at it, in any view (the window's note
/// says so): a ball beside the plot, or model levels in the margin, explain nothing.
bool pointInDomain(const Expansion& e, const GridSpec& g);

} // namespace gs
