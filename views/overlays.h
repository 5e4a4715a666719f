#pragma once
// What the scene draws at the expansion point: the marker, the tangent plane, the quadratic
// model, the gradient arrows (ascent and descent), and the quadratic a Newton step minimized.
// All clipped to the plot's box; the tangent plane to the box widened in f around the point
// (a plane at a maximum or minimum lies on the box's top or bottom and must stay whole).

#include "arrowscale.h"
#include "sceneactors.h"
#include "surface.h"
#include "surfacegeometry.h"

namespace gs {

class ExpansionOverlays {
public:
    explicit ExpansionOverlays(vtkBox* box);
    /// Adds the Newton model, then the point's overlays (the scene's drawing order).
    void addNewtonModelTo(vtkRenderer* renderer) const;
    void addTo(vtkRenderer* renderer) const;

    /// Shows `e` over the surface's grid `g` (hides everything when `e` is null or f is not
    /// defined at the point). `zScale` maps f's units to the box's, as `height` does.
    /// `slope` is the plot's mean slope (meanSlope), the arrows' scale.
    void update(const Expansion* e, const GridSpec* g, const HeightMap& height,
                const SceneStyle& style, double slope);
    void applyStyle(double pixelScale);
    /// The box's bounds changed: clipped models must be clipped again.
    void boxChanged();

    void setNewtonModel(const GridSpec& grid, const Eigen::ArrayXXd& values,
                        const HeightMap& height);
    void clearNewtonModel();
    bool newtonModelVisible() const;

    vtkActor* marker() const { return m_marker.actor; }
    /// The length of the ∇f arrow as drawn (0 when it is not).
    double arrowLength() const { return m_arrowLength; }
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
    double m_arrowLength = 0;
};

} // namespace gs
