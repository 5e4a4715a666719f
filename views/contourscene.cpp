#include "contourscene.h"

#include "arrowscale.h"
#include "geometry2d.h"
#include "legendbox.h"
#include "overlays.h"

#include "ticks.h"
#include "valuerange.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <numbers>
#include <string>
#include <tuple>
#include <vtkActor.h>
#include <vtkActor2D.h>
#include <vtkActor2DCollection.h>
#include <vtkBandedPolyDataContourFilter.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkBox.h>
#include <vtkCallbackCommand.h>
#include <vtkCellArray.h>
#include <vtkCellArrayIterator.h>
#include <vtkCellData.h>
#include <vtkColorTransferFunction.h>
#include <vtkContourFilter.h>
#include <vtkCoordinate.h>
#include <vtkDoubleArray.h>
#include <vtkGlyph3D.h>
#include <vtkGlyphSource2D.h>
#include <vtkImageData.h>
#include <vtkLegendBoxActor.h>
#include <vtkLookupTable.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkStripper.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>
#include <vtkTransformPolyDataFilter.h>
#include <vtkUnsignedCharArray.h>

namespace gs {

namespace {

/// Levels drawn for the whole range.
constexpr int kLevelCount = 16;
/// The quadratic model's levels over its square (modelLevels).
constexpr int kModelLevelCount = 6;
/// Log levels span this many decades above the minimum.
constexpr double kLogDecades = 4.0;
// Drawing order along z (towards the camera), in units of the frame's width.
constexpr double kBandZ = -0.006, kFieldZ = -0.003, kContourZ = -0.004, kModelZ = -0.002,
                 kOverlayZ = 0.002, kMarkerZ = 0.003, kPointZ = 0.004;
/// Principal axes: the longer is this fraction of the frame's width.
constexpr double kAxisLength = 0.22;
/// The shorter principal axis is at least this share of the longer (a curvature ratio of 25).
constexpr double kShortestAxisShare = 0.2;
/// Arrows and the tangent line, as fractions of the frame's width.
constexpr double kArrowLength = 0.14, kTangentHalf = 0.12;
/// An arrow shorter than this fraction of its length less than it should be is cut at the frame
/// (rounding in the clip does not count).
constexpr double kArrowCutSlack = 1e-9;

/// An arrow of the gradient field at full length: this fraction of the cell's smaller side.
constexpr double kFieldArrow = 0.85;
/// The arrow's head: this fraction of its length, at this half-angle (radians, 25 degrees).
constexpr double kHeadLength = 0.3, kHeadAngle = 0.436;
/// Bands are the lines' colours this much lighter (mixed with white), so lines and overlays
/// stay visible on them.
constexpr double kBandLightening = 0.55;
/// The colour bar in normalized viewport units, and the room kept for it and its labels
/// right of the frame (pixels at pixel scale 1).
constexpr double kBarLeft = 0.955, kBarRight = 0.975, kBarBottom = 0.12, kBarTop = 0.84;
constexpr double kBarReserve = 120;
/// A critical point's label may stand up to kLabelSteps steps of kLabelStep pixels (at line
/// scale 1 and font scale 1, a label's height; times the font scale) further from its marker
/// than the default, clear of paths. Up to kLabelStepsNear steps (two label heights) it
/// reads as the marker's; further, a thin leader line joins it to the marker (five steps put
/// "global min 0" 80 pixels off its ring with nothing saying whose it was, issue #9).
constexpr int kLabelSteps = 5, kLabelStepsNear = 2;
constexpr double kLabelStep = 16;
/// The point legend's gap to the frame (pixels at line scale 1); the cost of level curves
/// under it at their even share of the frame (a level label covered, kLabelCost; the point's
/// arrows 20); how much less another corner must cost before the legend moves there.
constexpr double kLegendInset = 6, kCurveCost = 15, kCornerHysteresis = 3;
/// The cost of a level label under the point legend: as much as an even share of the curves,
/// so that a free place beside the frame is taken instead (a label under it is read no more).
constexpr double kLabelCost = kCurveCost;
/// The cost of a place over anything drawn in the plot but the level curves (a path, a ball,
/// the point's arrows, a marker or its label): never chosen while the legend can go beside.
constexpr double kOccupiedCost = 1e4;
/// Room beside the frame is made for what the legend would hide inside while the frame keeps
/// this share of its scale.
constexpr double kReframeKeeps = 0.8;
/// A line of tick labels' height over their font size (with the field note's estimate).
constexpr double kTickLine = 1.3;
/// The point legend slides from a corner along the edges up to this many half sizes, each
/// step costing this much (less than a level label covered).
constexpr int kLegendSlides = 4;
constexpr double kSlideCost = 2;
/// The markers' size (a fraction of the frame's width: a symbol's diameter; an extreme's
/// ring is 2.2 times that, CriticalMarkers) and the room past the frame that keeps a ring
/// whole: its radius and a little for its line.
constexpr double kMarkerSize = 0.025, kRingRoom = 0.5 * 2.2 * kMarkerSize + 0.005;
/// The field legend's font (points at font scale 1). The level labels and the colour bar's
/// are the tick labels' (levelFontSize).
constexpr double kFieldLegendFont = 11;
/// The room kept clear round a level label's text (pixels at line scale 1): labels this far
/// apart, twice it between two of them, read as two.
constexpr double kLabelMargin = 2;

Rgb positiveCurvature{0.10, 0.35, 0.85}, negativeCurvature{0.90, 0.30, 0.10};
const Rgb fieldInk{0.30, 0.30, 0.30};

/// The levels' palette at rank t in [0, 1]: dark purple -> teal -> yellow (viridis-like).
Rgb levelColor(double t) {
    const double r = t < 0.5 ? 0.27 + (0.13 - 0.27) * 2 * t : 0.13 + (0.85 - 0.13) * (2 * t - 1);
    const double g = t < 0.5 ? 0.57 * 2 * t : 0.57 + (0.75 - 0.57) * (2 * t - 1);
    const double b = t < 0.5 ? 0.33 + (0.55 - 0.33) * 2 * t : 0.55 + (0.10 - 0.55) * (2 * t - 1);
    return {r, g, b};
}

/// A level line's colour at rank t on the theme's ground: levelColor, moved away from the
/// ground in steps of 1/64 (toward white on a dark ground, toward black on a light one) until it
/// has 3.2:1 (3:1, WCAG's for graphics, with a margin) against it. On the dark theme the low
/// end's dark purple had 1.2:1 and vanished; on the light theme the high end's yellow had 1.8:1
/// on white. Colours that already have it are levelColor's.
Rgb levelLineColor(double t) {
    return colourAgainst(sceneLook().background, levelColor(t), 3.2);
}

/// Band k of n + 1 (below the first level to above the last), lightened.
Rgb bandColor(std::size_t k, std::size_t levels) {
    const Rgb c = levelColor(levels > 0 ? double(k) / double(levels) : 0.0);
    Rgb light;
    for (int i = 0; i < 3; ++i)
        light[std::size_t(i)] = (1 - kBandLightening) * c[std::size_t(i)] + kBandLightening;
    return light;
}

void setColor(vtkActor* a, const Rgb& c) {
    a->GetProperty()->SetColor(c[0], c[1], c[2]);
}

/// Three significant digits: level labels stay short.
double roundLevel(double v) {
    if (v == 0 || !std::isfinite(v))
        return v;
    const double p = std::pow(10.0, std::floor(std::log10(std::abs(v))) - 2);
    return std::round(v / p) * p;
}

/// Measures text as the level labels draw it.
struct LabelMeasure {
    vtkNew<vtkTextProperty> property;
    int dpi = 72;
    /// Width and height in pixels of `text` at `fontSize` (zero when it cannot be measured).
    Eigen::Vector2d size(const std::string& text) {
        int box[4] = {0, 0, 0, 0}; // xmin, xmax, ymin, ymax
        vtkTextRenderer* renderer = vtkTextRenderer::GetInstance();
        if (!renderer || !renderer->GetBoundingBox(property, text, box, dpi))
            return {0, 0};
        return {double(box[1] - box[0] + 1), double(box[3] - box[2] + 1)};
    }
};

vtkSmartPointer<vtkImageData> imageOf(const GridSpec& g, const Eigen::ArrayXXd& z, double zWorld) {
    auto image = vtkSmartPointer<vtkImageData>::New();
    image->SetDimensions(g.nx, g.ny, 1);
    image->SetOrigin(g.xmin, g.ymin, zWorld);
    image->SetSpacing(g.nx > 1 ? (g.xmax - g.xmin) / (g.nx - 1) : 1,
                      g.ny > 1 ? (g.ymax - g.ymin) / (g.ny - 1) : 1, 1);
    auto values = vtkSmartPointer<vtkDoubleArray>::New();
    values->SetName("f");
    values->SetNumberOfTuples(vtkIdType(g.nx) * g.ny);
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i)
            values->SetValue(vtkIdType(j) * g.nx + i,
                             i < z.rows() && j < z.cols() ? z(i, j) : std::nan(""));
    image->GetPointData()->SetScalars(values);
    return image;
}

vtkSmartPointer<vtkPolyData> segment(const Eigen::Vector3d& a, const Eigen::Vector3d& b) {
    auto pts = vtkSmartPointer<vtkPoints>::New();
    pts->InsertNextPoint(a.data());
    pts->InsertNextPoint(b.data());
    auto lines = vtkSmartPointer<vtkCellArray>::New();
    const vtkIdType ids[2] = {0, 1};
    lines->InsertNextCell(2, ids);
    auto d = vtkSmartPointer<vtkPolyData>::New();
    d->SetPoints(pts);
    d->SetLines(lines);
    return d;
}

/// The part of the segment a-b inside the rectangle [x0, x1] x [y0, y1] (clipSegmentToRect,
/// geometry2d.h), or nothing.
std::optional<std::pair<Eigen::Vector3d, Eigen::Vector3d>> clipToRect(const Eigen::Vector3d& a,
                                                                      const Eigen::Vector3d& b,
                                                                      double x0, double x1,
                                                                      double y0, double y1) {
    const auto t = clipSegmentToRect(a.x(), a.y(), b.x(), b.y(), x0, x1, y0, y1);
    if (!t)
        return std::nullopt;
    const Eigen::Vector3d d = b - a;
    return std::pair{Eigen::Vector3d(a + t->first * d), Eigen::Vector3d(a + t->second * d)};
}

/// The two-point lines of a line actor's input (a segment; the ring's chords), plot units.
std::vector<std::array<Eigen::Vector2d, 2>> drawnSegments(vtkActor* a) {
    std::vector<std::array<Eigen::Vector2d, 2>> out;
    auto* d =
        vtkPolyData::SafeDownCast(vtkPolyDataMapper::SafeDownCast(a->GetMapper())->GetInput());
    if (!d)
        return out;
    double p[3], q[3];
    for (vtkIdType i = 0; i + 1 < d->GetNumberOfPoints(); i += 2) {
        d->GetPoint(i, p);
        d->GetPoint(i + 1, q);
        out.push_back({Eigen::Vector2d(p[0], p[1]), Eigen::Vector2d(q[0], q[1])});
    }
    return out;
}

/// A legend symbol: a bar in the line's colour (as the run legend draws its entries).
vtkSmartPointer<vtkPolyData> legendBar(const Rgb& c) {
    auto symbol = vtkSmartPointer<vtkPolyData>::New();
    auto corners = vtkSmartPointer<vtkPoints>::New();
    for (const auto& [x, y] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {1.0, 0.4}, {0.0, 0.4}})
        corners->InsertNextPoint(x, y, 0);
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    const vtkIdType ids[4] = {0, 1, 2, 3};
    cells->InsertNextCell(4, ids);
    symbol->SetPoints(corners);
    symbol->SetPolys(cells);
    auto colour = vtkSmartPointer<vtkUnsignedCharArray>::New();
    colour->SetNumberOfComponents(3);
    colour->InsertNextTuple3(std::lround(255 * c[0]), std::lround(255 * c[1]),
                             std::lround(255 * c[2]));
    symbol->GetCellData()->SetScalars(colour);
    return symbol;
}

/// A legend symbol for an arrow: a shaft and a head pointing right in the bar's box (1 by
/// 0.4), so an arrow's entry does not read as a curve of the same hue (tester s24: "level
/// curve through x0" and "grad f" had the same red bar).
vtkSmartPointer<vtkPolyData> legendArrow(const Rgb& c) {
    auto symbol = vtkSmartPointer<vtkPolyData>::New();
    auto points = vtkSmartPointer<vtkPoints>::New();
    for (const auto& [x, y] : {std::pair{0.0, 0.14},
                               {0.62, 0.14},
                               {0.62, 0.26},
                               {0.0, 0.26},
                               {0.58, 0.0},
                               {1.0, 0.2},
                               {0.58, 0.4}})
        points->InsertNextPoint(x, y, 0);
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    const vtkIdType shaft[4] = {0, 1, 2, 3}, head[3] = {4, 5, 6};
    cells->InsertNextCell(4, shaft);
    cells->InsertNextCell(3, head);
    symbol->SetPoints(points);
    symbol->SetPolys(cells);
    auto colour = vtkSmartPointer<vtkUnsignedCharArray>::New();
    colour->SetNumberOfComponents(3);
    for (int cell = 0; cell < 2; ++cell)
        colour->InsertNextTuple3(std::lround(255 * c[0]), std::lround(255 * c[1]),
                                 std::lround(255 * c[2]));
    symbol->GetCellData()->SetScalars(colour);
    return symbol;
}

vtkSmartPointer<vtkActor> lineActor(vtkPolyData* data, const Rgb& color) {
    auto a = makeActor(nullptr, data);
    setColor(a, color);
    return a;
}

/// An axis-aligned box (display pixels or plot units).
struct Box {
    double x0, y0, x1, y1;
    bool meets(const Box& b) const { return x0 < b.x1 && b.x0 < x1 && y0 < b.y1 && b.y0 < y1; }
    bool holds(const Eigen::Vector2d& p) const {
        return p.x() >= x0 && p.x() <= x1 && p.y() >= y0 && p.y() <= y1;
    }
    Box grown(double d) const { return {x0 - d, y0 - d, x1 + d, y1 + d}; }
};

/// The axes' tick labels and titles as `plot` last drew them (display pixels).
std::vector<Box> axisTextBoxes(const Plot2D& plot) {
    std::vector<Box> boxes;
    for (int axis = 0; axis < 2; ++axis) {
        const Plot2D::AxisText t = plot.axisText(axis);
        for (const auto& l : t.labels)
            boxes.push_back({l[0], l[2], l[1], l[3]});
        if (t.title[1] > t.title[0])
            boxes.push_back({t.title[0], t.title[2], t.title[1], t.title[3]});
    }
    return boxes;
}

/// Where CriticalMarkers::update draws a marker's label, in plot units at `perPixel` plot
/// units per display pixel, `line` the scene's PixelScale::line (device pixels: offsets and
/// text alike): a 12-pixel font times the look's font scale, about 7 pixels a character (8
/// bold), one line high, 6 pixels beside the marker sideways and 9 (18 for an extreme's
/// ring) above or below.
Box markerLabelBox(const PlotMarker& m, double perPixel, double line) {
    const double u = perPixel * line, t = u * sceneLook().fontScale;
    const double length = double(utf8Length(m.label)) * (m.extreme ? 8 : 7) * t, height = 16 * t;
    const bool below =
        m.labelY != 0 ? m.labelY < 0 : m.kind == Classification::Minimum || m.extreme < 0;
    const double gap = (m.labelGap > 0 ? m.labelGap : 9.0 * (m.extreme ? 2 : 1)) * u;
    const double y0 = below ? m.at.y() - gap - height : m.at.y() + gap;
    const double x0 = m.labelX < 0   ? m.at.x() - 6 * u - length
                      : m.labelX > 0 ? m.at.x() + 6 * u
                                     : m.at.x() - 0.5 * length;
    return {x0, y0, x0 + length, y0 + height};
}

int pointCount(vtkAlgorithm* a) {
    a->Update();
    auto* d = vtkPolyData::SafeDownCast(a->GetOutputDataObject(0));
    return d ? int(d->GetNumberOfPoints()) : 0;
}

} // namespace

std::vector<std::string> levelTexts(const std::vector<double>& levels) {
    // One number of digits for the set: the most any value needs (1 to 4; the levels are
    // rounded to three, roundLevel; the bar's ends are not).
    int p = 1;
    for (const double v : levels)
        p = std::max(p, significantDigits(v, 4));
    std::vector<std::string> texts;
    texts.reserve(levels.size());
    for (const double v : levels)
        texts.push_back(compactNumber(v, p));
    return texts;
}

std::vector<double> contourLevels(double zmin, double zmax, int count, LevelSpacing spacing,
                                  const Eigen::ArrayXXd* values) {
    std::vector<double> levels;
    if (!(zmax > zmin) || !std::isfinite(zmin) || !std::isfinite(zmax) || count < 1)
        return levels;
    const double range = zmax - zmin;
    if (spacing == LevelSpacing::Auto) {
        spacing = LevelSpacing::Even;
        if (values) {
            // Most of the domain in the lowest tenth of the range: a deep valley, log levels.
            std::vector<double> v;
            for (Eigen::Index k = 0; k < values->size(); ++k)
                if (std::isfinite((*values)(k)))
                    v.push_back((*values)(k));
            if (!v.empty()) {
                auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
                std::nth_element(v.begin(), mid, v.end());
                if (*mid - zmin < 0.1 * range)
                    spacing = LevelSpacing::Log;
            }
        }
    }
    if (spacing == LevelSpacing::Log) {
        // zmin + range * 10^(-decades (1 - k / count)), k = 0 .. count - 1: geometric steps.
        for (int k = 0; k < count; ++k)
            levels.push_back(roundLevel(
                zmin + range * std::pow(10.0, -kLogDecades * (1.0 - double(k) / count))));
        levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
        return levels;
    }
    for (double t : niceTicks(zmin, zmax, count + 2))
        if (t > zmin && t < zmax)
            levels.push_back(t);
    return levels;
}

Eigen::ArrayXXd shownPart(const GridSpec& g, const Eigen::ArrayXXd& z,
                          const std::array<double, 4>& r) {
    const auto index = [](double v, double lo, double hi, int n) {
        return n > 1 && hi > lo ? std::clamp((v - lo) / (hi - lo) * (n - 1), 0.0, n - 1.0) : 0.0;
    };
    const int i0 = int(std::floor(index(r[0], g.xmin, g.xmax, g.nx))),
              i1 = int(std::ceil(index(r[1], g.xmin, g.xmax, g.nx))),
              j0 = int(std::floor(index(r[2], g.ymin, g.ymax, g.ny))),
              j1 = int(std::ceil(index(r[3], g.ymin, g.ymax, g.ny)));
    return z.block(i0, j0, std::max(1, i1 - i0 + 1), std::max(1, j1 - j0 + 1));
}

std::vector<double> modelLevels(double value, const Eigen::ArrayXXd& model, int count) {
    std::vector<double> levels;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (Eigen::Index k = 0; k < model.size(); ++k)
        if (std::isfinite(model(k))) {
            lo = std::min(lo, model(k));
            hi = std::max(hi, model(k));
        }
    if (!(hi > lo) || !std::isfinite(value) || count < 1)
        return levels;
    // The step of at most count + 2 nice ticks over the range (count / 2.5 to count + 2
    // levels); levels value + j step inside it.
    const std::vector<double> ticks = niceTicks(lo, hi, count + 2);
    const double step = ticks.size() >= 2 ? ticks[1] - ticks[0] : (hi - lo) / (count + 1);
    if (!(step > 0))
        return levels;
    const double first = value - std::floor((value - lo) / step) * step;
    for (double l = first; l < hi && levels.size() < std::size_t(4 * count); l += step)
        if (l > lo)
            levels.push_back(l);
    return levels;
}

ContourScene::ContourScene()
    : m_box(vtkSmartPointer<vtkBox>::New())
    , m_markerBox(vtkSmartPointer<vtkBox>::New())
    , m_contour(vtkSmartPointer<vtkContourFilter>::New())
    , m_pointLevel(vtkSmartPointer<vtkContourFilter>::New())
    , m_modelContour(vtkSmartPointer<vtkContourFilter>::New())
    , m_ascent(std::make_unique<Arrow>(sceneLook().ascent))
    , m_descent(std::make_unique<Arrow>(sceneLook().descent))
    , m_markers(std::make_unique<CriticalMarkers>(true)) {
    const SceneLook& look = sceneLook();
    m_image = imageOf(GridSpec{}, Eigen::ArrayXXd::Zero(GridSpec{}.nx, GridSpec{}.ny), 0);
    m_contour->SetInputData(m_image);
    m_contour->ComputeScalarsOn();
    // Lines coloured by level (viridis-like: dark blue-purple low, teal, yellow high);
    // labels are billboard texts at one point of each level's longest pieces (VTK's labelled
    // contour mapper needs a stencil buffer the off-screen exporter does not have).
    m_stripper = vtkSmartPointer<vtkStripper>::New();
    m_stripper->SetInputConnection(m_contour->GetOutputPort());
    auto lut = vtkSmartPointer<vtkColorTransferFunction>::New();
    lut->AddRGBPoint(0.0, 0.27, 0.00, 0.33);
    lut->AddRGBPoint(0.5, 0.13, 0.57, 0.55);
    lut->AddRGBPoint(1.0, 0.85, 0.75, 0.10);
    m_lut = lut;
    m_contourActor = makeActor(m_stripper->GetOutputPort());
    m_contourActor->GetMapper()->ScalarVisibilityOn();
    m_contourActor->GetMapper()->SetLookupTable(lut);

    m_pointLevel->SetInputData(m_image);
    // Joined into polylines: a wide line drawn as separate segments, one per grid cell, showed
    // a bead at every cell once the cells were two pixels across (the level sample).
    auto pointLevelLines = vtkSmartPointer<vtkStripper>::New();
    pointLevelLines->SetInputConnection(m_pointLevel->GetOutputPort());
    m_pointLevelActor = makeActor(pointLevelLines->GetOutputPort());
    setColor(m_pointLevelActor, look.marker);

    m_modelImage = imageOf(GridSpec{}, Eigen::ArrayXXd::Zero(GridSpec{}.nx, GridSpec{}.ny), 0);
    m_modelContour->SetInputData(m_modelImage);
    // Joined into polylines and opaque: separate translucent segments drew their shared
    // ends twice, a dark tick at every grid cell (the lines looked hatched).
    auto modelLines = vtkSmartPointer<vtkStripper>::New();
    modelLines->SetInputConnection(m_modelContour->GetOutputPort());
    modelLines->JoinContiguousSegmentsOn();
    m_modelActor = makeActor(modelLines->GetOutputPort());
    setColor(m_modelActor, look.quadratic);

    m_tangentLine = lineActor(segment({0, 0, 0}, {0, 0, 0}), look.tangentEdge);
    for (auto& a : m_axes)
        a = lineActor(segment({0, 0, 0}, {0, 0, 0}), positiveCurvature);
    m_ring = lineActor(segment({0, 0, 0}, {0, 0, 0}), positiveCurvature);

    m_pointDisc = std::make_unique<Disc>(look.marker);

    // Filled bands: each cell's scalar is its band's index, coloured from a table.
    m_bands = vtkSmartPointer<vtkBandedPolyDataContourFilter>::New();
    m_bands->SetScalarModeToIndex();
    m_bands->GenerateContourEdgesOff();
    m_bandColors = vtkSmartPointer<vtkLookupTable>::New();
    m_bandActor = makeActor(m_bands->GetOutputPort());
    m_bandActor->GetMapper()->ScalarVisibilityOn();
    m_bandActor->GetMapper()->SetScalarModeToUseCellData();
    m_bandActor->GetMapper()->SetLookupTable(m_bandColors);
    m_bandActor->GetProperty()->LightingOff();
    m_bandActor->SetVisibility(false);
    m_colorBar = vtkSmartPointer<vtkActor2D>::New();
    auto barMapper = vtkSmartPointer<vtkPolyDataMapper2D>::New();
    auto normalized = vtkSmartPointer<vtkCoordinate>::New();
    normalized->SetCoordinateSystemToNormalizedViewport();
    barMapper->SetTransformCoordinate(normalized);
    barMapper->ScalarVisibilityOn();
    barMapper->SetScalarModeToUseCellData();
    barMapper->SetColorModeToDirectScalars();
    m_colorBar->SetMapper(barMapper);
    m_colorBar->SetVisibility(false);

    // The gradient field: grey line arrows under the contour lines' labels.
    m_fieldActor = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());
    setColor(m_fieldActor, fieldInk);
    m_fieldActor->SetVisibility(false);
    m_fieldLegend = vtkSmartPointer<vtkTextActor>::New();
    m_fieldLegend->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    m_fieldLegend->SetPosition(0.98, 0.02);
    m_fieldLegend->GetTextProperty()->SetColor(fieldInk[0], fieldInk[1], fieldInk[2]);
    m_fieldLegend->GetTextProperty()->SetJustificationToRight();
    m_fieldLegend->GetTextProperty()->SetVerticalJustificationToBottom();
    m_fieldLegend->GetTextProperty()->SetBackgroundColor(1, 1, 1);
    m_fieldLegend->GetTextProperty()->SetBackgroundOpacity(0.85);
    m_fieldLegend->SetVisibility(false);

    renderer()->AddActor(m_bandActor);
    renderer()->AddActor(m_fieldActor);
    renderer()->AddActor(m_contourActor);
    renderer()->AddActor(m_modelActor);
    renderer()->AddActor(m_pointLevelActor);
    renderer()->AddActor(m_tangentLine);
    for (auto& a : m_axes)
        renderer()->AddActor(a);
    renderer()->AddActor(m_ring);
    renderer()->AddActor(m_ascent->actor);
    renderer()->AddActor(m_descent->actor);
    m_runs = std::make_unique<RunPaths>(renderer(), m_box);
    // Measured where it will be drawn: under the note when the note's lines reach it. Tight
    // too: a square frame in a wide view leaves a column beside it (a two-line note pushed
    // every wider place onto the frame's top edge and a ring at its corner); and slid down
    // that column's edge (four runs' legend in the top right covered the ring at (5, 5)).
    m_runs->setLegendCost(
        [this]() -> RunPaths::LegendCost {
            return [this](const std::array<double, 4>& box) {
                return runLegendCost(legendUnderNote(box));
            };
        },
        {.tight = true, .slides = true});
    // Cut to the frame grown by a ring's radius: a ring round an extreme at the domain's
    // corner is whole (it was a quarter circle), as the curve view's at its ends.
    m_markers->clipTo(m_markerBox);
    m_markers->addTo(renderer());
    m_leaderActor = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());
    m_leaderActor->SetVisibility(false);
    renderer()->AddActor(m_leaderActor);
    renderer()->AddActor(m_pointDisc->actor);
    renderer()->AddActor2D(m_colorBar);
    renderer()->AddActor2D(m_fieldLegend);
    // What the coloured lines at the point are, in the run legend's style (a bar in the
    // line's colour, then the words), in a corner inside the frame (placePointLegend): beside
    // it, it covered the y axis's tick labels.
    m_pointLegend = vtkSmartPointer<vtkLegendBoxActor>::New();
    m_pointLegend->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    m_pointLegend->BorderOff();
    m_pointLegend->SetPadding(3);
    m_pointLegend->UseBackgroundOn();
    m_pointLegend->SetBackgroundOpacity(0.85);
    m_pointLegend->GetEntryTextProperty()->ShadowOff();
    m_pointLegend->GetEntryTextProperty()->ItalicOff();
    m_pointLegend->GetEntryTextProperty()->BoldOff();
    m_pointLegend->SetVisibility(false);
    renderer()->AddActor2D(m_pointLegend);
    // The level labels keep apart on screen: zoomed in or out by more than 5 %, they are
    // placed again before the picture is drawn.
    m_zoomWatch = vtkSmartPointer<vtkCallbackCommand>::New();
    m_zoomWatch->SetClientData(this);
    m_zoomWatch->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        auto* scene = static_cast<ContourScene*>(self);
        scene->placePointLegend(); // the frame may have moved on screen (or made room for it)
        scene->placeFieldLegend();
        const double ppw = scene->pixelsPerWorld();
        // The labels keep off the run legend too: placed again when the note moved it.
        const std::array<double, 4> runLegend = scene->runLegendRect();
        if (std::abs(ppw - scene->m_labelsPixelsPerWorld) > 0.05 * ppw ||
            runLegend != scene->m_labelsRunLegend || scene->shownRange() != scene->m_labelsShown ||
            (scene->frameOrigin() - scene->m_labelsOrigin).norm() > 0.5)
            scene->placeLabels();
    });
    // After the run legend's layout and the note's (which may move the run legend under it).
    m_zoomObserver =
        renderer()->AddObserver(vtkCommand::StartEvent, m_zoomWatch, kNotePriority - 1.0f);
    applyPixelScale();
}

ContourScene::~ContourScene() {
    renderer()->RemoveObserver(m_zoomObserver);
}

void ContourScene::applyPixelScale() {
    const double k = lineScale();
    const SceneLook& look = sceneLook(); // it may have changed (the window's preferences)
    setColor(m_modelActor, look.quadratic);
    m_tangentLine->GetProperty()->SetColor(look.tangentEdge[0], look.tangentEdge[1],
                                           look.tangentEdge[2]);
    m_contourActor->GetProperty()->SetLineWidth(float(1.3 * k));
    m_pointLevelActor->GetProperty()->SetLineWidth(float(2.6 * k));
    // Two pixels: a thinner nearly straight line is drawn with a dark blot at every step of
    // its staircase (at 1 and 1.2 pixels the model's lines looked hatched).
    m_modelActor->GetProperty()->SetLineWidth(float(std::max(1.0, std::round(2 * k))));
    m_tangentLine->GetProperty()->SetLineWidth(float(2.4 * k));
    for (auto& a : m_axes)
        a->GetProperty()->SetLineWidth(float(3.0 * k));
    m_ring->GetProperty()->SetLineWidth(float(3.0 * k));
    m_runs->applyStyle(k);
    // The legends on a solid box in the theme's background with a thin border: level curves
    // and paths under them do not show through (issue #9).
    for (vtkLegendBoxActor* legend : {m_pointLegend.Get(), m_runs->legend()}) {
        legend->SetBackgroundColor(look.panel[0], look.panel[1], look.panel[2]);
        legend->SetBackgroundOpacity(1.0);
        legend->BorderOn();
        legend->GetProperty()->SetColor(0.5 * (look.ink[0] + look.panel[0]),
                                        0.5 * (look.ink[1] + look.panel[1]),
                                        0.5 * (look.ink[2] + look.panel[2]));
        legend->GetProperty()->SetLineWidth(float(std::max(1.0, k)));
    }
    m_fieldActor->GetProperty()->SetLineWidth(float(1.2 * k));
    m_fieldLegend->GetTextProperty()->SetFontSize(
        int(std::lround(kFieldLegendFont * look.fontScale * pixelScale())));
    m_markers->setScale(scale());
    colourLevels(); // on the theme's ground
    placeLabels();
    rebuildBands();
}

void ContourScene::setSurface(const SurfaceSample& s, const std::string& xName,
                              const std::string& yName) {
    setSurface(std::make_shared<const SurfaceSample>(s), xName, yName);
}

void ContourScene::setSurface(std::shared_ptr<const SurfaceSample> surface,
                              const std::string& xName, const std::string& yName,
                              std::shared_ptr<const SurfaceSample> levelSample) {
    if (!surface)
        return;
    m_reconsiderLegend = true;
    m_runs->forgetCorner();
    m_surface = std::move(surface);
    m_levelSample = std::move(levelSample);
    const SurfaceSample& s = *m_surface;
    const GridSpec& g = s.grid;
    setPlotFrame({g.xmin, g.xmax, g.ymin, g.ymax}, 1.0, 0.0, xName, yName);
    const double w = worldWidth();
    m_box->SetBounds(g.xmin, g.xmax, g.ymin, g.ymax, -w, w);
    const double ring = kRingRoom * w;
    m_markerBox->SetBounds(g.xmin - ring, g.xmax + ring, g.ymin - ring, g.ymax + ring, -w, w);
    takeLevelImage();
    rebuildLevels();
    m_runs->update(HeightMap{0, 0}, w);
}

void ContourScene::setLevelSample(std::shared_ptr<const SurfaceSample> sample) {
    m_levelSample = std::move(sample);
    if (!m_surface)
        return;
    takeLevelImage();
    rebuildLevels();
}

void ContourScene::takeLevelImage() {
    const SurfaceSample& s = *levelSample();
    m_image = imageOf(s.grid, s.z, kContourZ * worldWidth());
    m_contour->SetInputData(m_image);
    m_pointLevel->SetInputData(m_image);
}

int ContourScene::levelFontSize() const {
    // The tick labels' size (Plot2D: the look's tickFont, font scale included, times the
    // export's text scale): at 11 points a 1200x800 export's labels were 8 pixels high beside
    // 10-pixel tick labels (issue #9).
    return int(std::lround(sceneLook().tickFont * pixelScale()));
}

void ContourScene::placeLabels() {
    m_labelsRunLegend = runLegendRect();
    m_labelsPointLegend = pointLegendRect();
    m_labelsShown = shownRange();
    // The frame moved on screen (a new fit, the legend's room) moves the labels against the
    // legends they keep off (display places): placed again then.
    m_labelsOrigin = frameOrigin();
    // Where the critical-point markers' labels go, clear of the runs, first: the level
    // labels keep off them.
    placeMarkerLabels();
    // The labels drawn now, by text: one placed again keeps its actor (a moved billboard keeps
    // its text's texture, a new one renders it again: a drag may place the labels at every
    // move, setExpansion). Those not placed again are removed on return.
    struct Unused {
        vtkRenderer* renderer;
        std::multimap<std::string, vtkSmartPointer<vtkBillboardTextActor3D>> actors;
        ~Unused() {
            for (auto& [text, actor] : actors)
                renderer->RemoveActor(actor);
        }
    } unused{renderer(), {}};
    for (auto& l : m_labels)
        unused.actors.emplace(l->GetInput() ? l->GetInput() : "", l);
    m_labels.clear();
    if (!m_surface || m_levels.empty())
        return;
    m_stripper->Update();
    vtkPolyData* lines = m_stripper->GetOutput();
    vtkDataArray* values = lines->GetPointData()->GetScalars();
    if (!values)
        return;
    // One label per level, on its longest piece if that is long enough to carry it (a fifth
    // of the frame's width): at the piece's middle, or failing that at a quarter, three
    // quarters, ... of it, the first place clear of the labels already placed and of the
    // critical-point markers and their labels. Steep valleys crowd many levels into a strip
    // (Rosenbrock's): a level with no clear place has no label rather than one on another.
    const double w = glyphWidth(), minLength = 0.2 * w;
    const Rgb& ink = sceneLook().ink;
    struct Piece {
        double length = 0;
        std::vector<vtkIdType> ids;
    };
    std::map<double, Piece> best; // level -> its longest piece
    vtkIdType n = 0;
    const vtkIdType* ids = nullptr;
    auto cells = lines->GetLines();
    cells->InitTraversal();
    // Zoomed in, a piece counts by its stretches inside the range shown: a level crossing the
    // view had its middle far outside it, and no label.
    const std::array<double, 4>& shown = m_labelsShown;
    const auto inView = [&](const double* p) {
        return p[0] >= shown[0] && p[0] <= shown[1] && p[1] >= shown[2] && p[1] <= shown[3];
    };
    while (cells->GetNextCell(n, ids)) {
        const double level = n > 0 ? values->GetTuple1(ids[0]) : 0.0;
        double length = 0, a[3] = {0, 0, 0}, b[3];
        vtkIdType first = 0; // the stretch in view: ids[first..k)
        const auto flush = [&](vtkIdType end) {
            if (end - first >= 2 && length >= minLength && length > best[level].length)
                best[level] = {length, std::vector<vtkIdType>(ids + first, ids + end)};
            length = 0;
        };
        for (vtkIdType k = 0; k < n; ++k) {
            lines->GetPoint(ids[k], b);
            if (!inView(b)) {
                flush(k);
                first = k + 1;
                continue;
            }
            if (k > first)
                length += std::hypot(b[0] - a[0], b[1] - a[1]);
            std::copy(b, b + 3, a);
        }
        flush(n);
    }
    // A label's box in world units at the current zoom (placed again when the zoom changes,
    // ContourScene()): its text measured at the label's font size (vtkTextRenderer, as the
    // billboard draws it), grown by kLabelMargin pixels on every side: two labels never touch
    // ("1.12e+041.12e+05" ran together, issue #9).
    m_labelsPixelsPerWorld = pixelsPerWorld();
    const double perPixel = 1.0 / m_labelsPixelsPerWorld;
    const double text = lineScale() * sceneLook().fontScale; // the font scale's pixels
    const int fontSize = levelFontSize();
    LabelMeasure measure; // with the labels' text properties (their background pads them)
    measure.property->SetFontSize(fontSize);
    measure.property->SetBackgroundOpacity(0.8);
    measure.property->SetJustificationToCentered();
    measure.property->SetVerticalJustificationToCentered();
    if (vtkRenderWindow* window = renderer()->GetRenderWindow())
        measure.dpi = std::max(1, window->GetDPI());
    const double margin = kLabelMargin * lineScale();
    const std::vector<std::string> texts = levelTexts(m_levels);
    m_labelHalfPixels.clear();
    // Taken: the labels already placed (grown by the margin), the critical-point markers and
    // their labels' boxes.
    std::vector<Eigen::Vector2d> taken;
    std::vector<Box> takenBoxes;
    for (const PlotMarker& m : m_markerList) {
        if (!m.at.allFinite())
            continue;
        taken.emplace_back(m.at.x(), m.at.y());
        // The ring, or a run's ball resting on the marker, whichever is larger.
        const double r = std::max(0.5 * sceneLook().ballDiameter, 0.0275) * w;
        takenBoxes.push_back({m.at.x() - r, m.at.y() - r, m.at.x() + r, m.at.y() + r});
        if (!m.label.empty())
            takenBoxes.push_back(markerLabelBox(m, perPixel, lineScale()));
    }
    // And the point legend's box (placePointLegend) and the run legend's (over the frame's
    // top where the note moved it under its lines), in plot units.
    for (const std::array<double, 4>& r : {pointLegendRect(), runLegendRect()})
        if (r[2] > r[0]) {
            const Eigen::Vector2d a = toPlot(r[0], r[1]), b = toPlot(r[2], r[3]);
            takenBoxes.push_back({a.x(), a.y(), b.x(), b.y()});
        }
    // The point's disc and its arrows (issue #9: a level label sat on the -grad f arrow).
    const std::vector<Stroke> pointStrokes = pointOverlayStrokes();
    m_labelsAvoidedPoint = false;
    double halfW = 0, halfH = 0; // the label being placed, margin included (plot units)
    const auto clear = [&](const Eigen::Vector2d& p) {
        for (const Eigen::Vector2d& q : taken)
            if (std::abs(p.x() - q.x()) < 2 * halfW && std::abs(p.y() - q.y()) < 2 * halfH)
                return false;
        const Box label{p.x() - halfW, p.y() - halfH, p.x() + halfW, p.y() + halfH};
        // Inside the frame (the domain) and the range shown (zoomed or panned): not out over
        // the tick labels or the colour bar.
        const GridSpec& d = m_surface->grid;
        if (label.x0 < d.xmin || label.x1 > d.xmax || label.y0 < d.ymin || label.y1 > d.ymax ||
            label.x0 < m_labelsShown[0] || label.x1 > m_labelsShown[1] ||
            label.y0 < m_labelsShown[2] || label.y1 > m_labelsShown[3])
            return false;
        for (const Box& b : takenBoxes)
            if (b.meets(label))
                return false;
        // Off the runs' paths: a label on a path hides it, and the ball passes there.
        for (const auto& [a, b] : m_runSegments)
            if (clipToRect({a.x(), a.y(), 0}, {b.x(), b.y(), 0}, label.x0, label.x1, label.y0,
                           label.y1))
                return false;
        // Off the point and its arrows (last: a place refused only for them is noted, so that
        // setExpansion places the labels again when the point moves off).
        if (meetsStrokes(label.x0, label.y0, label.x1, label.y1, pointStrokes)) {
            m_labelsAvoidedPoint = true;
            return false;
        }
        return true;
    };
    for (const auto& [level, piece] : best) {
        if (piece.length <= 0)
            continue;
        // Its text: the level's among levelTexts' (the stripper's value is the filter's).
        const auto nearest =
            std::min_element(m_levels.begin(), m_levels.end(), [&](double a, double b) {
                return std::abs(a - level) < std::abs(b - level);
            });
        const std::string& label = texts[std::size_t(nearest - m_levels.begin())];
        Eigen::Vector2d size = measure.size(label);
        if (!(size.x() > 0)) // no text renderer: about 7 by 16 pixels a character
            size = Eigen::Vector2d(7 * text * double(label.size()), 16 * text);
        halfW = (0.5 * size.x() + margin) * perPixel;
        halfH = (0.5 * size.y() + margin) * perPixel;
        std::optional<Eigen::Vector3d> spot;
        for (const double f : {0.5, 0.3, 0.7, 0.15, 0.85}) {
            double at[3];
            lines->GetPoint(piece.ids[std::size_t(f * double(piece.ids.size() - 1))], at);
            if (clear({at[0], at[1]})) {
                spot = Eigen::Vector3d(at[0], at[1], at[2]);
                break;
            }
        }
        if (!spot)
            continue;
        // Its box, margin and all: the next labels keep out of it.
        takenBoxes.push_back(
            {spot->x() - halfW, spot->y() - halfH, spot->x() + halfW, spot->y() + halfH});
        m_labelHalfPixels.emplace_back(0.5 * size.x(), 0.5 * size.y());
        vtkSmartPointer<vtkBillboardTextActor3D> actor;
        if (const auto it = unused.actors.find(label); it != unused.actors.end()) {
            actor = it->second;
            unused.actors.erase(it);
        } else {
            actor = vtkSmartPointer<vtkBillboardTextActor3D>::New();
            actor->SetInput(label.c_str());
            renderer()->AddActor(actor);
        }
        actor->SetPosition(spot->x(), spot->y(), spot->z() + 0.001 * worldWidth());
        vtkTextProperty* p = actor->GetTextProperty();
        p->SetFontSize(fontSize);
        p->SetColor(ink[0], ink[1], ink[2]);
        const Rgb& panel = sceneLook().panel;
        p->SetBackgroundColor(panel[0], panel[1], panel[2]);
        p->SetBackgroundOpacity(0.8);
        p->SetJustificationToCentered();
        p->SetVerticalJustificationToCentered();
        m_labels.push_back(actor);
    }
}

void ContourScene::setLevelSpacing(LevelSpacing spacing) {
    m_spacing = spacing;
    rebuildLevels();
}

void ContourScene::rebuildLevels() {
    if (!m_surface)
        return;
    // Over what the axes show of the sample (it reaches past them, for a pan): zoomed in,
    // levels over the sample's whole range left a few of them in view.
    const SurfaceSample& s = *levelSample();
    const Eigen::ArrayXXd part = shownPart(s.grid, s.z, shownRange());
    const ValueRange shown = finiteRange(part);
    m_levels = shown.hi > shown.lo
                   ? contourLevels(shown.lo, shown.hi, kLevelCount, m_spacing, &part)
                   : contourLevels(s.zmin, s.zmax, kLevelCount, m_spacing, &s.z);
    m_contour->SetNumberOfContours(int(m_levels.size()));
    for (std::size_t k = 0; k < m_levels.size(); ++k)
        m_contour->SetValue(int(k), m_levels[k]);
    // Colours by rank, so that log-spaced levels stay apart as well as even ones.
    colourLevels();
    m_contourActor->GetMapper()->SetScalarRange(m_levels.empty() ? 0 : m_levels.front(),
                                                m_levels.empty() ? 1 : m_levels.back());
    placeLabels();
    rebuildBands();
}

void ContourScene::colourLevels() {
    m_lut->RemoveAllPoints();
    const double n = std::max<double>(1, double(m_levels.size()) - 1);
    const Rgb low = levelLineColor(0);
    m_lut->AddRGBPoint(0.0, low[0], low[1], low[2]);
    for (std::size_t k = 0; k < m_levels.size(); ++k) {
        const Rgb c = levelLineColor(double(k) / n);
        m_lut->AddRGBPoint(m_levels[k], c[0], c[1], c[2]);
    }
}

Rgb ContourScene::levelLineColour(std::size_t k) const {
    Rgb c{};
    if (k < m_levels.size())
        m_lut->GetColor(m_levels[k], c.data());
    return c;
}

void ContourScene::rebuildBands() {
    for (auto& l : m_barLabels)
        renderer()->RemoveActor2D(l);
    m_barLabels.clear();
    const bool show = m_showBands && m_surface && !m_levels.empty();
    m_bandActor->SetVisibility(show);
    m_colorBar->SetVisibility(show);
    m_barReserve = show ? kBarReserve * sceneLook().fontScale : 0.0;
    setRightReserve(m_barReserve + m_legendReserve);
    if (!show)
        return;
    // The sample's cells with four defined corners, as quads carrying f (holes stay empty).
    const SurfaceSample& s = *levelSample();
    const GridSpec& g = s.grid;
    const double z = kBandZ * worldWidth();
    auto pts = vtkSmartPointer<vtkPoints>::New();
    auto f = vtkSmartPointer<vtkDoubleArray>::New();
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            pts->InsertNextPoint(g.x(i), g.y(j), z);
            f->InsertNextValue(i < s.z.rows() && j < s.z.cols() ? s.z(i, j) : std::nan(""));
        }
    auto quads = vtkSmartPointer<vtkCellArray>::New();
    auto defined = [&](int i, int j) {
        return std::isfinite(f->GetValue(vtkIdType(j) * g.nx + i));
    };
    for (int j = 0; j + 1 < g.ny; ++j)
        for (int i = 0; i + 1 < g.nx; ++i) {
            if (!defined(i, j) || !defined(i + 1, j) || !defined(i + 1, j + 1) ||
                !defined(i, j + 1))
                continue;
            const vtkIdType a = vtkIdType(j) * g.nx + i;
            const vtkIdType ids[4] = {a, a + 1, a + 1 + g.nx, a + g.nx};
            quads->InsertNextCell(4, ids);
        }
    auto grid = vtkSmartPointer<vtkPolyData>::New();
    grid->SetPoints(pts);
    grid->SetPolys(quads);
    grid->GetPointData()->SetScalars(f);
    // Bands between consecutive levels, each cell's scalar the band's index: 0 below the
    // first level ... n above the last (VTK adds the data's range as outer clip values).
    m_bands->SetInputData(grid);
    m_bands->SetNumberOfContours(int(m_levels.size()));
    for (std::size_t k = 0; k < m_levels.size(); ++k)
        m_bands->SetValue(int(k), m_levels[k]);
    const std::size_t n = m_levels.size();
    m_bandColors->SetNumberOfTableValues(vtkIdType(n + 1));
    for (std::size_t k = 0; k <= n; ++k) {
        const Rgb c = bandColor(k, n);
        m_bandColors->SetTableValue(vtkIdType(k), c[0], c[1], c[2], 1.0);
    }
    m_bandColors->SetTableRange(-0.5, double(n) + 0.5);
    m_bandActor->GetMapper()->SetScalarRange(-0.5, double(n) + 0.5);

    // The colour bar: one equal swatch per band (log levels stay readable), the levels at
    // the boundaries, f's range at the ends.
    auto barPts = vtkSmartPointer<vtkPoints>::New();
    auto swatches = vtkSmartPointer<vtkCellArray>::New();
    auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
    colors->SetNumberOfComponents(3);
    // Under the run legend (top right) with a gap: the two never overlap.
    const double barTop = std::min(kBarTop, m_runs->legendBottom() - 0.04);
    const double h = (barTop - kBarBottom) / double(n + 1);
    for (std::size_t k = 0; k <= n; ++k) {
        const double y0 = kBarBottom + h * double(k), y1 = y0 + h;
        const vtkIdType a = barPts->InsertNextPoint(kBarLeft, y0, 0);
        barPts->InsertNextPoint(kBarRight, y0, 0);
        barPts->InsertNextPoint(kBarRight, y1, 0);
        barPts->InsertNextPoint(kBarLeft, y1, 0);
        const vtkIdType ids[4] = {a, a + 1, a + 2, a + 3};
        swatches->InsertNextCell(4, ids);
        const Rgb c = bandColor(k, n);
        colors->InsertNextTuple3(std::round(255 * c[0]), std::round(255 * c[1]),
                                 std::round(255 * c[2]));
    }
    auto bar = vtkSmartPointer<vtkPolyData>::New();
    bar->SetPoints(barPts);
    bar->SetPolys(swatches);
    bar->GetCellData()->SetScalars(colors);
    vtkPolyDataMapper2D::SafeDownCast(m_colorBar->GetMapper())->SetInputData(bar);
    const Rgb& ink = sceneLook().ink;
    auto addLabel = [&](double y, const std::string& text) {
        auto label = vtkSmartPointer<vtkTextActor>::New();
        label->SetInput(text.c_str());
        label->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
        label->SetPosition(kBarLeft - 0.006, y);
        vtkTextProperty* p = label->GetTextProperty();
        p->SetFontSize(levelFontSize());
        p->SetColor(ink[0], ink[1], ink[2]);
        p->SetJustificationToRight();
        p->SetVerticalJustificationToCentered();
        renderer()->AddActor2D(label);
        m_barLabels.push_back(label);
    };
    // The levels as the lines' labels write them; the ends (not rounded) on their own.
    const std::vector<std::string> texts = levelTexts(m_levels);
    const std::vector<std::string> ends = levelTexts({s.zmin, s.zmax});
    addLabel(kBarBottom, ends[0]);
    for (std::size_t k = 0; k < n; ++k)
        addLabel(kBarBottom + h * double(k + 1), texts[k]);
    addLabel(barTop, ends[1]);
}

void ContourScene::showBands(bool show) {
    if (show == m_showBands)
        return;
    m_showBands = show;
    rebuildBands();
    resetCamera(); // the colour bar takes room on the right, or gives it back
}

void ContourScene::setGradientField(const GradientField& field) {
    m_field = field;
    rebuildField();
}

void ContourScene::showGradientField(bool show) {
    m_showField = show;
    rebuildField();
}

void ContourScene::rebuildField() {
    const bool show = m_showField && m_field && m_field->fullNorm > 0;
    m_fieldActor->SetVisibility(show);
    m_fieldLegend->SetVisibility(show);
    if (!show)
        return;
    // One arrow per cell, centred on the cell's centre, along grad f, its length the
    // engine's fraction of the cell; a head of two strokes at the tip.
    const GradientField& fd = *m_field;
    const double full = kFieldArrow * std::min(fd.cellX, fd.cellY);
    const double z = kFieldZ * worldWidth();
    auto pts = vtkSmartPointer<vtkPoints>::New();
    auto lines = vtkSmartPointer<vtkCellArray>::New();
    auto stroke = [&](const Eigen::Vector2d& a, const Eigen::Vector2d& b) {
        const vtkIdType ids[2] = {pts->InsertNextPoint(a.x(), a.y(), z),
                                  pts->InsertNextPoint(b.x(), b.y(), z)};
        lines->InsertNextCell(2, ids);
    };
    const double c = std::cos(kHeadAngle), sn = std::sin(kHeadAngle);
    for (int j = 0; j < fd.grid.ny; ++j)
        for (int i = 0; i < fd.grid.nx; ++i) {
            const double len = full * fd.length(i, j);
            const Eigen::Vector2d d(fd.dx(i, j), fd.dy(i, j));
            if (!(len > 0) || !d.allFinite())
                continue;
            const Eigen::Vector2d u = d.normalized(), at(fd.grid.x(i), fd.grid.y(j));
            const Eigen::Vector2d tail = at - 0.5 * len * u, tip = at + 0.5 * len * u;
            stroke(tail, tip);
            const double head = kHeadLength * len;
            // The head's strokes: -u turned by +-kHeadAngle.
            stroke(tip,
                   tip - head * Eigen::Vector2d(c * u.x() - sn * u.y(), sn * u.x() + c * u.y()));
            stroke(tip,
                   tip - head * Eigen::Vector2d(c * u.x() + sn * u.y(), -sn * u.x() + c * u.y()));
        }
    auto data = vtkSmartPointer<vtkPolyData>::New();
    data->SetPoints(pts);
    data->SetLines(lines);
    vtkPolyDataMapper::SafeDownCast(m_fieldActor->GetMapper())->SetInputData(data);
    // Two short lines at the bottom right, clear of the x axis's title.
    std::string cell = "one cell: |grad f| = ";
    cell += compactNumber(fd.fullNorm);
    std::string capped;
    if (fd.capped > 0) {
        capped = "(";
        capped += std::to_string(fd.capped);
        capped += " longer ones capped)";
    }
    m_fieldText[0] = "arrows: grad f, length in proportion to |grad f|\n";
    m_fieldText[0] += cell;
    m_fieldText[1] = "arrows: grad f, length in\nproportion to |grad f|;\n";
    m_fieldText[1] += cell;
    if (!capped.empty()) {
        m_fieldText[0] += ' ';
        m_fieldText[0] += capped;
        m_fieldText[1] += '\n';
        m_fieldText[1] += capped;
    }
    m_fieldLegend->SetInput(m_fieldText[0].c_str());
}

int ContourScene::fieldArrows() const {
    if (!m_fieldActor->GetVisibility())
        return 0;
    auto* d = vtkPolyData::SafeDownCast(m_fieldActor->GetMapper()->GetInput());
    return d ? int(d->GetNumberOfLines() / 3) : 0;
}

std::string ContourScene::fieldLegend() const {
    const char* t = m_fieldLegend->GetInput();
    return m_fieldLegend->GetVisibility() && t ? std::string(t) : std::string();
}

std::array<double, 4> ContourScene::fieldLegendRect() const {
    if (!m_fieldLegend->GetVisibility())
        return {0, 0, 0, 0};
    double b[4];
    m_fieldLegend->GetBoundingBox(renderer(), b);
    const double* at =
        m_fieldLegend->GetActualPositionCoordinate()->GetComputedDoubleViewportValue(renderer());
    return {at[0] + b[0], at[1] + b[2], at[0] + b[1], at[1] + b[3]};
}

int ContourScene::bandPolygons() const {
    if (!m_bandActor->GetVisibility())
        return 0;
    m_bands->Update();
    return int(m_bands->GetOutput()->GetNumberOfPolys());
}

int ContourScene::colorBarSwatches() const {
    if (!m_colorBar->GetVisibility())
        return 0;
    auto* d = vtkPolyData::SafeDownCast(
        vtkPolyDataMapper2D::SafeDownCast(m_colorBar->GetMapper())->GetInput());
    return d ? int(d->GetNumberOfPolys()) : 0;
}

std::vector<std::string> ContourScene::colorBarLabels() const {
    std::vector<std::string> labels;
    for (const auto& l : m_barLabels)
        labels.emplace_back(l->GetInput());
    return labels;
}

vtkSmartPointer<vtkPolyData> ContourScene::ringInFrame(const Eigen::Vector3d& centre,
                                                       double radius) const {
    // 96 chords (within a pixel of the circle up to a radius of 1000 pixels: r (1 - cos(pi/96)))
    // drawn two on, two off: dashed, the ring reads as the ends of every axis, not as one more
    // level curve (solid, it looked like the quadratic model's).
    constexpr int kChords = 96;
    auto pts = vtkSmartPointer<vtkPoints>::New();
    auto lines = vtkSmartPointer<vtkCellArray>::New();
    const auto on = [&](int k) {
        const double t = 2 * std::numbers::pi * k / kChords;
        return Eigen::Vector3d(centre + radius * Eigen::Vector3d(std::cos(t), std::sin(t), 0));
    };
    for (int k = 0; k < kChords; ++k) {
        if (k % 4 >= 2)
            continue;
        Eigen::Vector3d a = on(k), b = on(k + 1);
        if (m_surface) { // each chord cut at the frame, as the axes are
            const GridSpec& g = m_surface->grid;
            const auto part = clipToRect(a, b, g.xmin, g.xmax, g.ymin, g.ymax);
            if (!part)
                continue;
            std::tie(a, b) = *part;
        }
        const vtkIdType ids[2] = {pts->InsertNextPoint(a.data()), pts->InsertNextPoint(b.data())};
        lines->InsertNextCell(2, ids);
    }
    auto d = vtkSmartPointer<vtkPolyData>::New();
    d->SetPoints(pts);
    d->SetLines(lines);
    return d;
}

vtkSmartPointer<vtkPolyData> ContourScene::inFrame(const Eigen::Vector3d& a,
                                                   const Eigen::Vector3d& b) const {
    if (!m_surface)
        return segment(a, b);
    const GridSpec& g = m_surface->grid;
    const auto part = clipToRect(a, b, g.xmin, g.xmax, g.ymin, g.ymax);
    return part ? segment(part->first, part->second) : vtkSmartPointer<vtkPolyData>::New();
}

void ContourScene::setExpansion(const Expansion& e, bool tangent, bool quadratic, bool gradient,
                                const ModelSample* model) {
    const double w = worldWidth();
    m_point.reset();
    const GridSpec& g = e.modelGrid;
    // Outside the plotted domain nothing is drawn at the point (pointInDomain), as in 3-D.
    const bool defined = e.point.size() > std::max(g.axisX, g.axisY) && std::isfinite(e.at.value) &&
                         (!m_surface || pointInDomain(e, m_surface->grid));
    if (defined) {
        m_point = Eigen::Vector2d(e.point[g.axisX], e.point[g.axisY]);
    }
    // The level curve through the point: f = f(x0).
    m_pointLevel->SetValue(0, e.at.value);
    m_pointLevelActor->SetVisibility(defined);

    // The quadratic model's level curves over its grid, their levels chosen over what is drawn.
    const GridSpec& mg = model ? model->grid : g;
    const Eigen::ArrayXXd& mv = model ? model->values : e.quadratic;
    m_modelImage = imageOf(mg, mv, kModelZ * w);
    m_modelContour->SetInputData(m_modelImage);
    // Levels over the part shown (zoomed in, those over the whole sample left one in view).
    const Eigen::ArrayXXd part = shownPart(mg, mv, shownRange());
    const ValueRange shown = finiteRange(part);
    const std::vector<double> levels =
        modelLevels(e.at.value, shown.hi > shown.lo ? part : mv, kModelLevelCount);
    m_modelContour->SetNumberOfContours(int(levels.size()));
    for (std::size_t k = 0; k < levels.size(); ++k)
        m_modelContour->SetValue(int(k), levels[k]);
    m_modelActor->SetVisibility(defined && quadratic);

    // grad f over the two axes: e.ascent = (g_x, g_y, |g|^2).
    const Eigen::Vector2d grad(e.ascent.x(), e.ascent.y());
    m_glyphs =
        PointGlyphs{grad,
                    defined && grad.norm() > e.curvature.gradientTolerance && grad.norm() > 0,
                    m_surface ? meanSlope(*m_surface) : 0.0,
                    e.curvature.eigenvaluesToTolerance(),
                    e.curvature.eigenvectors,
                    e.curvature.equalEigenvalues(),
                    e.modelGrid,
                    tangent,
                    gradient};
    placePointGlyphs();
    // The level labels keep off the point and its arrows: placed again where one is under
    // them now, or where one was moved for them before (it may go back where it was). Else
    // they stay: a drag places them only when it has to.
    bool meets = m_labelsAvoidedPoint;
    if (!meets && !m_labels.empty() && m_labelsPixelsPerWorld > 0) {
        const std::vector<Stroke> strokes = pointOverlayStrokes();
        const double perPixel = 1.0 / m_labelsPixelsPerWorld;
        const double margin = kLabelMargin * lineScale();
        for (std::size_t i = 0; !meets && i < m_labels.size() && i < m_labelHalfPixels.size();
             ++i) {
            const double* c = m_labels[i]->GetPosition();
            const double hw = (m_labelHalfPixels[i].x() + margin) * perPixel;
            const double hh = (m_labelHalfPixels[i].y() + margin) * perPixel;
            meets = meetsStrokes(c[0] - hw, c[1] - hh, c[0] + hw, c[1] + hh, strokes);
        }
        // And the critical points' labels, placed clear of the point's strokes too.
        const double grow = 4 * perPixel * lineScale(); // as placeMarkerLabels measures
        for (std::size_t i = 0; !meets && i < m_markerList.size(); ++i)
            if (const PlotMarker& m = m_markerList[i]; !m.label.empty() && m.at.allFinite()) {
                const Box b = markerLabelBox(m, perPixel, lineScale()).grown(grow);
                meets = meetsStrokes(b.x0, b.y0, b.x1, b.y1, strokes);
            }
    }
    if (meets)
        placeLabels();
}

void ContourScene::placePointGlyphs() {
    // Sizes are fractions of glyphWidth (they keep their size on screen as the wheel zooms),
    // heights along z of worldWidth (the drawing order).
    const double w = glyphWidth(), z = worldWidth();
    const PointGlyphs& pg = m_glyphs;
    const bool defined = m_point.has_value();
    m_pointDisc->place(m_point
                           ? std::optional(Eigen::Vector3d(m_point->x(), m_point->y(), kPointZ * z))
                           : std::nullopt,
                       0.022 * w);
    const Eigen::Vector2d& grad = pg.gradient;
    const bool moving = pg.moving;
    const bool tangent = pg.tangent, gradient = pg.showGradient;
    m_arrowLength = 0;
    m_arrowReach = {0, 0};
    m_arrowCut = {false, false};
    m_gradientDirection = moving ? Eigen::Vector2d(grad.normalized()) : Eigen::Vector2d::Zero();
    const Eigen::Vector3d at = defined ? Eigen::Vector3d(m_point->x(), m_point->y(), kOverlayZ * z)
                                       : Eigen::Vector3d::Zero();
    bool arrows = false;
    if (moving) {
        const Eigen::Vector2d u = grad.normalized();
        // The level curve's tangent is perpendicular to grad f. Over the principal axes (a
        // half step up): where one lies along it, as every direction does where H is a
        // multiple of I (the book's point), the grey line hid under the blue (tester s24).
        const Eigen::Vector3d t(-u.y(), u.x(), 0);
        const Eigen::Vector3d above = at + Eigen::Vector3d(0, 0, 0.5 * (kMarkerZ - kOverlayZ) * z);
        vtkPolyDataMapper::SafeDownCast(m_tangentLine->GetMapper())
            ->SetInputData(inFrame(above - kTangentHalf * w * t, above + kTangentHalf * w * t));
        // In proportion to |∇f|, as in the 3-D view (arrowscale.h).
        const double len = arrowRatio(grad.norm(), pg.meanSlope) * kArrowLength * w;
        arrows = len > 0;
        if (arrows) {
            // Each arrow ends where it leaves the domain (the frame; clipSegmentToRect, the
            // point is inside): near an edge grad f ran out over the titles (issue #9). A cut
            // arrow keeps the full arrow's shaft and head (Arrow's default proportions of
            // len: 0.025, 0.08, 0.25), its tip on the edge, and the legend says it is cut.
            const GridSpec& d = m_surface ? m_surface->grid : pg.grid;
            for (int k = 0; k < 2; ++k) {
                const double sign = k == 0 ? 1.0 : -1.0;
                const Eigen::Vector2d tip = *m_point + sign * len * u;
                const auto part = m_surface
                                      ? clipSegmentToRect(m_point->x(), m_point->y(), tip.x(),
                                                          tip.y(), d.xmin, d.xmax, d.ymin, d.ymax)
                                      : std::optional(std::pair{0.0, 1.0});
                const double reach = part ? part->second * len : 0.0;
                m_arrowReach[std::size_t(k)] = reach;
                m_arrowCut[std::size_t(k)] = reach < (1 - kArrowCutSlack) * len;
                Arrow& arrow = k == 0 ? *m_ascent : *m_descent;
                arrow.setThickness(0.025 * len, 0.08 * len, 0.25 * len,
                                   std::max(reach, 1e-9 * len));
                arrow.place(at, sign * Eigen::Vector3d(u.x(), u.y(), 0),
                            std::max(reach, 1e-9 * len));
            }
            // Their shafts for the legend's placement; the heads are 0.08 len in radius.
            m_arrowLength = len;
        }
    }
    m_tangentLine->SetVisibility(moving && tangent);
    m_ascent->actor->SetVisibility(arrows && gradient);
    m_descent->actor->SetVisibility(arrows && gradient);

    // Principal axes: the Hessian's eigenvectors, lengths in proportion to 1/sqrt|lambda|
    // (the semi-axes of the model's level curves), blue for lambda > 0, orange for < 0.
    // The signs are the engine's (eigenvaluesToTolerance): an eigenvalue within rounding
    // error of 0 is flat and gets no axis, whatever the sign of its computed value.
    const Eigen::VectorXd& lambda = pg.lambda;
    const Eigen::MatrixXd& v = pg.eigenvectors;
    const bool twoInputs = lambda.size() == 2 && v.rows() == 2 && v.cols() == 2;
    double smallest = 0; // the smallest nonzero |lambda|
    if (twoInputs)
        for (int k = 0; k < 2; ++k)
            if (std::abs(lambda[k]) > 0 && (smallest == 0 || std::abs(lambda[k]) < smallest))
                smallest = std::abs(lambda[k]);
    bool positive = false, negative = false; // axes drawn of each colour
    // H = lambda I: every direction is an eigenvector and the solver's pair is arbitrary (x^2
    // + y^2 drew its axes along x and y, as if those were special). A ring of the axes'
    // length instead, the shape of the model's level curves.
    const bool ring = defined && gradient && twoInputs && pg.equalEigenvalues && smallest > 0 &&
                      lambda.allFinite();
    m_ring->SetVisibility(ring);
    if (ring) {
        (lambda[0] > 0 ? positive : negative) = true;
        vtkPolyDataMapper::SafeDownCast(m_ring->GetMapper())
            ->SetInputData(ringInFrame(at, kAxisLength * w));
        setColor(m_ring, lambda[0] > 0 ? positiveCurvature : negativeCurvature);
    }
    for (int k = 0; k < 2; ++k) {
        const bool show = !ring && defined && gradient && twoInputs && smallest > 0 &&
                          std::abs(lambda[k]) > 0 && std::isfinite(lambda[k]);
        m_axes[std::size_t(k)]->SetVisibility(show);
        if (!show)
            continue;
        (lambda[k] > 0 ? positive : negative) = true;
        // In proportion to 1/sqrt|lambda| down to a fifth of the longest: H = diag(2.3e-10, 2)
        // (x^4 - 3x^2 + y^2 at 0.7071067812) drew the curving axis 1e-5 as long, unseen, and
        // only the nearly flat one (tester s28).
        const double len = kAxisLength * w *
                           std::max(kShortestAxisShare, std::sqrt(smallest / std::abs(lambda[k])));
        const Eigen::Vector3d d(v(0, k), v(1, k), 0);
        vtkPolyDataMapper::SafeDownCast(m_axes[std::size_t(k)]->GetMapper())
            ->SetInputData(inFrame(at - len * d, at + len * d));
        setColor(m_axes[std::size_t(k)], lambda[k] > 0 ? positiveCurvature : negativeCurvature);
    }
    updatePointLegend(arrows && gradient, positive, negative, ring);
}

void ContourScene::resizeGlyphs() {
    // The rings keep their size on screen, so in world units they grow as the view zooms out:
    // their room past the domain grows with them (tester s17: a corner's ring cut to an arc).
    if (m_surface) {
        const GridSpec& g = m_surface->grid;
        const double ring = kRingRoom * glyphWidth(), w = worldWidth();
        m_markerBox->SetBounds(g.xmin - ring, g.xmax + ring, g.ymin - ring, g.ymax + ring, -w, w);
    }
    placePointGlyphs();
    m_markers->update(m_markerList, kMarkerSize * glyphWidth(), scale());
    m_runs->update(HeightMap{0, 0}, glyphWidth());
    updateLeaderLines();
}

void ContourScene::updatePointLegend(bool gradientArrows, bool positive, bool negative, bool ring) {
    const SceneLook& look = sceneLook();
    struct Entry {
        Rgb color;
        const char* text;
        const char* widest = nullptr; ///< its widest text as the point moves, if another
        bool arrow = false;           ///< drawn with an arrow symbol, not a bar
    };
    std::vector<Entry> entries;
    // Not where it has no points: at an extremum the level is a point (tester s28: listed at
    // the maximum, with nothing drawn).
    if (m_pointLevelActor->GetVisibility() && pointCount(m_pointLevel) > 0)
        entries.push_back({look.marker, "level curve through x₀"});
    if (m_tangentLine->GetVisibility())
        entries.push_back({look.tangentEdge, "its tangent"});
    if (positive)
        entries.push_back({positiveCurvature, ring ? "every direction curving up (H = λI)"
                                                   : "principal axis, curving up"});
    if (negative)
        entries.push_back({negativeCurvature, ring ? "every direction curving down (H = λI)"
                                                   : "principal axis, curving down"});
    if (m_modelActor->GetVisibility())
        entries.push_back({look.quadratic, "quadratic model's levels"});
    if (gradientArrows) {
        // "cut at the frame": the arrow ends on the frame, short of its length (setExpansion).
        // Cut, the arrow's entry names the cut instead of the direction: about as wide, the
        // legend keeps its size as the point moves.
        const char* ascentCut = "∇f (cut at the frame)";
        const char* descentCut = "−∇f (cut at the frame)";
        entries.push_back(
            {look.ascent, m_arrowCut[0] ? ascentCut : "∇f (steepest ascent)", ascentCut, true});
        entries.push_back({look.descent, m_arrowCut[1] ? descentCut : "−∇f (steepest descent)",
                           descentCut, true});
    }
    // Other entries (a checkbox, the arrows) are new content: laid out afresh. The principal
    // axes come and go with the curvature at the point: under a dragged point the layout
    // stays (tester s24: the frame jumped 140 pixels as "curving down" came).
    const int fixedEntries = int(entries.size()) - int(positive) - int(negative);
    if (fixedEntries != m_pointLegendFixedEntries)
        m_reconsiderLegend = true;
    m_pointLegendFixedEntries = fixedEntries;
    m_pointLegend->SetNumberOfEntries(int(entries.size()));
    m_pointLegendLabels.clear();
    m_pointLegendWidest.clear();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        Rgb ink = look.ink; // VTK takes a non-const pointer
        m_pointLegendWidest.push_back(std::string("  ") +
                                      (entries[i].widest ? entries[i].widest : entries[i].text));
        m_pointLegendLabels.push_back(std::string("  ") + entries[i].text);
        m_pointLegend->SetEntry(
            int(i),
            (entries[i].arrow ? legendArrow(entries[i].color) : legendBar(entries[i].color)).Get(),
            m_pointLegendLabels.back().c_str(), ink.data());
    }
    m_pointLegend->SetBackgroundColor(look.panel[0], look.panel[1], look.panel[2]);
    m_pointLegend->SetVisibility(!entries.empty());
    placePointLegend();
}

void ContourScene::placePointLegend() {
    // A re-framing below (the legend's room beside the frame) renders nothing but starts the
    // render's observers again, this one among them.
    if (m_placingLegend)
        return;
    const int* size = renderer()->GetSize();
    if (size[0] <= 0 || size[1] <= 0)
        return;
    const double vw = size[0], vh = size[1];
    const double inset = kLegendInset * lineScale();
    // The frame on screen, within the range shown (zoomed in, the frame is larger than it).
    const std::array<double, 4>& d = frame();
    const std::array<double, 4> r = shownRange();
    const std::array<double, 4> f{
        std::max(d[0], r[0]), std::max(std::max(d[0], r[0]), std::min(d[1], r[1])),
        std::max(d[2], r[2]), std::max(std::max(d[2], r[2]), std::min(d[3], r[3]))};
    const Eigen::Vector2d lo = toDisplay(f[0], f[2]), hi = toDisplay(f[1], f[3]);
    const double x0 = std::max(0.0, lo.x()) + inset, x1 = std::min(vw, hi.x()) - inset;
    const double y0 = std::max(0.0, lo.y()) + inset, y1 = std::min(vh, hi.y()) - inset;
    // The state's legend (bottom right of the view) sits above the x axis's tick labels
    // where it reaches over the frame: its bottom at the frame's. Its left edge as laid out
    // for this render (RunPaths' observer runs first): the legend grows leftwards with its
    // text, and at 0.70 of the view assumed a wide one ("... x50") covered the tick "2.0".
    vtkLegendBoxActor* state = m_runs->stateGlyphs().legend();
    const double stateLeft = state->GetPositionCoordinate()->GetValue()[0] * vw;
    // The tick label at the frame's right end reaches about a font size past it.
    const double tickEnd = hi.x() + std::max(30.0, 2 * sceneLook().tickFont) * lineScale();
    m_runs->stateGlyphs().setLegendBottom(
        stateLeft < tickEnd ? std::clamp((lo.y() + inset) / vh, 0.02, 0.5) : 0.02);
    // The whole frame on screen (not zoomed in past the view): its room may be re-divided.
    const double slack = 2 * lineScale();
    // The room beside the frame holds the step's legend too when it is drawn (Step by Step):
    // wider than the reserve, it reached into the frame over a marker's label (tester s20).
    const double stateWidth = state->GetVisibility() && state->GetNumberOfEntries() > 0
                                  ? state->GetPosition2Coordinate()->GetValue()[0] * vw
                                  : 0.0;
    // A new view size lays it out afresh too: room made beside the frame at another size
    // kept a shrunken frame (at 1600x1000 a first start's size settling gave two layouts).
    const bool sizeChanged = m_layoutSize != std::array<int, 2>{size[0], size[1]};
    // New content (a surface, runs, markers) or a new view size is laid out from the scene
    // alone: the place it was in counts only while the point moves (tester s14: the same
    // example reached two ways had two layouts).
    // The step's legend coming (Step by Step) is new content too.
    const bool stateShown = stateWidth > 0;
    const bool fresh = m_reconsiderLegend || (stateShown && !m_stateLegendShown) || sizeChanged;
    // A fresh layout waits for a camera fitted for this frame and size (not a fit's passes,
    // nor a new scene's or size's first picture): decided before, it followed the last
    // scene's camera or a note not yet wrapped (tester s23: Rosenbrock's legend went beside
    // the frame on a first start, inside it after Saddle).
    const bool canReframe = !zoomed() && (!fresh || fittedToView()) && lo.x() >= -slack &&
                            hi.x() <= vw + slack && lo.y() >= -slack && hi.y() <= vh + slack;
    if (!m_pointLegend->GetVisibility()) {
        setLegendReserve(0, canReframe);
        return;
    }
    // Laid out as the run legend is (legendbox.h): its text at the tick labels' size (times
    // the export's text scale), in pixels, never elided (a legend wider than the frame goes
    // beside it) nor shrunk (a fixed box drew 8-pixel text).
    LegendAnchor anchor;
    anchor.right = x1 / vw;
    anchor.y = y1 / vh;
    anchor.maxWidth = 1.0;
    anchor.minEms = 0;
    const int font = m_runs->legendFontSize();
    fitLegend(m_pointLegend, renderer(), m_pointLegendLabels, font, anchor);
    const double* extent = m_pointLegend->GetPosition2Coordinate()->GetValue();
    const double w = extent[0] * vw, h = extent[1] * vh;
    // Room made beside the frame is made for its widest texts: "cut at the frame" comes and
    // goes as the point moves, and the room (and the frame) changed under a dragged point
    // (tester s24: the legend even went inside, the frame 120 pixels right, for good).
    double widest = w;
    if (m_pointLegendWidest != m_pointLegendLabels) {
        fitLegend(m_pointLegend, renderer(), m_pointLegendWidest, font, anchor);
        widest = std::max(w, m_pointLegend->GetPosition2Coordinate()->GetValue()[0] * vw);
        fitLegend(m_pointLegend, renderer(), m_pointLegendLabels, font, anchor);
    }

    // What is drawn in the plot, on screen: never under the legend. The runs' paths grown by
    // their balls' radius (a ball passes every iterate), the point with its arrows, tangent
    // and principal axes, the critical-point markers with their rings and labels.
    const std::vector<Stroke> strokes = occupiedStrokes();
    const auto occupied = [&](const Box& box) {
        for (const Stroke& s : strokes)
            if (segmentMeetsRect(s.a.x(), s.a.y(), s.b.x(), s.b.y(), box.x0 - s.r, box.x1 + s.r,
                                 box.y0 - s.r, box.y1 + s.r))
                return true;
        return false;
    };

    // What a corner's box would cover, weighted: the level curves (as the charts' legends
    // count the data under them), the level labels; and the texts and legends beside the
    // frame (the run legend, the colour bar, the note) as what is drawn: never.
    std::vector<Box> overlays; // display boxes of the other 2-D texts and legends
    vtkActor2DCollection* actors = renderer()->GetActors2D();
    actors->InitTraversal();
    while (vtkActor2D* a = actors->GetNextActor2D()) {
        if (a == m_pointLegend.Get() || !a->GetVisibility())
            continue;
        if (auto* text = vtkTextActor::SafeDownCast(a)) {
            double b[4]; // xmin, xmax, ymin, ymax
            if (text->GetInput() && *text->GetInput()) {
                // VTK gives the box about the text's anchor: where it is drawn, add that.
                text->GetBoundingBox(renderer(), b);
                const double* at =
                    text->GetActualPositionCoordinate()->GetComputedDoubleViewportValue(renderer());
                overlays.push_back({b[0] + at[0], b[2] + at[1], b[1] + at[0], b[3] + at[1]});
            }
        } else if (a == m_colorBar.Get()) {
            // The bar and its labels left of it (about 6 characters).
            overlays.push_back({kBarLeft * vw - 50 * lineScale() * sceneLook().fontScale,
                                kBarBottom * vh, kBarRight * vw, kBarTop * vh});
        } else {
            const int* p0 = a->GetPositionCoordinate()->GetComputedDisplayValue(renderer());
            const int* p1 = a->GetPosition2Coordinate()->GetComputedDisplayValue(renderer());
            overlays.push_back({double(std::min(p0[0], p1[0])), double(std::min(p0[1], p1[1])),
                                double(std::max(p0[0], p1[0])), double(std::max(p0[1], p1[1]))});
        }
    }
    // The axes' tick labels and titles as last drawn (the places beside the frame keep off).
    const std::vector<Box> axisBoxes = axisTextBoxes(*this);
    // Fresh, the level labels it weighs are placed for this scene with no legend: placed
    // around its last place (the scene before's), they made a place look free or taken by
    // the way the example was reached (tester s23: Rosenbrock's legend inside the frame after
    // Saddle, beside it after start-up). The labels then keep off the place chosen (below).
    // And from the whole view: room beside the frame kept from a scene before stayed when a
    // place beside was free without it (tester s23, the book's example reached with the
    // contour tab hidden: its frame off centre).
    if (fresh && canReframe && m_legendReserve > 0) {
        setLegendReserve(0, true);
        placePointLegend();
        return;
    }
    if (fresh && canReframe) {
        m_pointLegend->SetVisibility(false);
        placeLabels();
        m_pointLegend->SetVisibility(true);
    }
    // The level labels' boxes on screen (their texts' sizes as placeLabels measured them).
    std::vector<Box> levelLabels;
    for (const std::array<double, 4>& l : placedLabelBoxes())
        levelLabels.push_back({l[0], l[1], l[2], l[3]});
    // The level curves' points (and the one through x0's) on screen: a corner with fewer of
    // them than its share of the frame's area is freer; the quadratic model's levels count
    // twice.
    std::vector<std::pair<Eigen::Vector2d, double>> curvePoints;
    for (vtkAlgorithm* source : {static_cast<vtkAlgorithm*>(m_stripper.Get()),
                                 static_cast<vtkAlgorithm*>(m_pointLevel.Get()),
                                 static_cast<vtkAlgorithm*>(m_modelContour.Get())}) {
        if ((source == m_pointLevel.Get() && !m_pointLevelActor->GetVisibility()) ||
            (source == m_modelContour.Get() && !m_modelActor->GetVisibility()))
            continue;
        auto* d = vtkPolyData::SafeDownCast(source->GetOutputDataObject(0));
        if (!d || !d->GetPoints())
            continue;
        const double weight = source == m_modelContour.Get() ? 2.0 : 1.0;
        for (vtkIdType i = 0; i < d->GetNumberOfPoints(); ++i) {
            double q[3];
            d->GetPoint(i, q);
            curvePoints.emplace_back(toDisplay(q[0], q[1]), weight);
        }
    }
    // The level curve through x0 as segments on screen: a long straight piece crosses a
    // legend's box with no vertex in it (tester s20, the bowl's lower branch).
    std::vector<std::pair<Eigen::Vector2d, Eigen::Vector2d>> pointLevelSegments;
    // Brought up to date first: its pipeline runs in the render after this placement, so the
    // first (fresh) placement for a new scene saw the old curve or none, and the layout
    // depended on the scene shown before (tester s14; #9).
    if (m_pointLevelActor->GetVisibility())
        m_pointLevel->Update();
    if (m_pointLevelActor->GetVisibility())
        if (auto* d = vtkPolyData::SafeDownCast(m_pointLevel->GetOutputDataObject(0));
            d && d->GetPoints() && d->GetLines()) {
            vtkIdType n = 0;
            const vtkIdType* ids = nullptr;
            auto lines = vtk::TakeSmartPointer(d->GetLines()->NewIterator());
            for (lines->GoToFirstCell(); !lines->IsDoneWithTraversal(); lines->GoToNextCell()) {
                lines->GetCurrentCell(n, ids);
                for (vtkIdType k = 0; k + 1 < n; ++k) {
                    double a[3], b[3];
                    d->GetPoint(ids[k], a);
                    d->GetPoint(ids[k + 1], b);
                    pointLevelSegments.emplace_back(toDisplay(a[0], a[1]), toDisplay(b[0], b[1]));
                }
            }
        }
    const auto coversPointLevel = [&](const Box& box) {
        return std::any_of(
            pointLevelSegments.begin(), pointLevelSegments.end(), [&](const auto& s) {
                return segmentMeetsRect(s.first.x(), s.first.y(), s.second.x(), s.second.y(),
                                        box.x0, box.x1, box.y0, box.y1);
            });
    };
    const double frameArea = std::max(1.0, (x1 - x0) * (y1 - y0));
    double curveTotal = 0;
    for (const auto& [q, weight] : curvePoints)
        curveTotal += weight;
    auto cost = [&](const Box& box) {
        double c = occupied(box) ? kOccupiedCost : 0;
        if (curveTotal > 0) {
            double under = 0;
            for (const auto& [q, weight] : curvePoints)
                under += box.holds(q) ? weight : 0;
            // 0 for none, kCurveCost for an even share, up to three times that.
            const double share = (box.x1 - box.x0) * (box.y1 - box.y0) / frameArea;
            c += kCurveCost * std::min(3.0, under / curveTotal / std::max(share, 1e-9));
        }
        for (const Box& o : overlays) // the other legends and texts: never under them
            c += box.meets(o) ? kOccupiedCost : 0;
        if (m_point) {
            // Near the point: what it explains is read there.
            const Eigen::Vector2d p = toDisplay(m_point->x(), m_point->y());
            const double r = kAxisLength * glyphWidth() * pixelsPerWorld();
            c += box.meets({p.x() - r, p.y() - r, p.x() + r, p.y() + r}) ? 20 : 0;
        }
        // The level labels as placed: each one covered is a level read no more.
        for (const Box& l : levelLabels)
            c += box.meets(l) ? kLabelCost : 0;
        // The level curve through x0, what the legend's first entry names: any of it under
        // the legend costs an even share of the curves more (issue #9: at 1.5 the legend sat
        // over it).
        return c + (coversPointLevel(box) ? kCurveCost : 0.0);
    };
    // Over a level label or the level curve through x0: a free place beside the frame is
    // better (issue #9).
    const auto hides = [&](const Box& box) {
        for (const Box& l : levelLabels)
            if (box.meets(l))
                return true;
        return coversPointLevel(box);
    };
    // Where it may go inside the frame: the four corners (top left first), then slid from
    // each corner along the frame's edges half its size at a time (a large legend in a small
    // frame: the side of a corner may be free where the corner is not), a little dearer the
    // further.
    struct Place {
        Box box;
        double extra;
    };
    std::vector<Place> places;
    if (w <= x1 - x0 && h <= y1 - y0) {
        const double xs[2] = {x0, x1 - w}, ys[2] = {y1 - h, y0}; // left, right; top, bottom
        for (int corner = 0; corner < 4; ++corner)
            places.push_back(
                {{xs[corner % 2], ys[corner / 2], xs[corner % 2] + w, ys[corner / 2] + h}, 0.0});
        for (int corner = 0; corner < 4; ++corner) {
            const double cx = xs[corner % 2], cy = ys[corner / 2];
            const double dx = corner % 2 == 0 ? w / 2 : -w / 2,
                         dy = corner / 2 == 0 ? -h / 2 : h / 2;
            for (int k = 1; k <= kLegendSlides; ++k) {
                const double sx = cx + k * dx, sy = cy + k * dy;
                if (sx >= x0 && sx + w <= x1)
                    places.push_back({{sx, cy, sx + w, cy + h}, kSlideCost * k});
                if (sy >= y0 && sy + h <= y1)
                    places.push_back({{cx, sy, cx + w, sy + h}, kSlideCost * k});
            }
        }
    }
    // Beside the frame: right of it (under the run legend where that is), left of the y
    // axis's labels, or under the x axis's title; in the view, clear of every text and legend.
    const std::array<double, 4> af = axesFrame();
    const Eigen::Vector2d alo = toDisplay(af[0], af[2]), ahi = toDisplay(af[1], af[3]);
    double top = std::min(ahi.y(), vh - inset);
    const std::array<double, 4> run = runLegendRect();
    if (run[2] > run[0] && run[2] > ahi.x() && run[1] < top + inset)
        top = std::min(top, run[1] - inset);
    const std::array<double, 2> room = axisTextRoom();
    double axisLeft = alo.x() - room[0], axisBottom = alo.y() - room[1];
    for (const Box& b : axisBoxes) {
        axisLeft = std::min(axisLeft, b.x0);
        axisBottom = std::min(axisBottom, b.y0);
    }
    const std::vector<Box> beside{
        {ahi.x() + 2 * inset, top - h, ahi.x() + 2 * inset + w, top},
        {ahi.x() + 2 * inset, alo.y(), ahi.x() + 2 * inset + w, alo.y() + h},
        {axisLeft - inset - w, top - h, axisLeft - inset, top},
        // under the x axis's title (a narrow view has room there)
        {alo.x(), axisBottom - inset - h, alo.x() + w, axisBottom - inset},
        {ahi.x() - w, axisBottom - inset - h, ahi.x(), axisBottom - inset}};
    const auto besideFree = [&](const Box& b) {
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > vw || b.y1 > vh)
            return false;
        for (const Box& o : overlays)
            if (b.meets(o))
                return false;
        for (const Box& o : axisBoxes)
            if (b.meets(o))
                return false;
        return true;
    };
    const auto fraction = [&](const Box& box) {
        return Eigen::Vector2d((box.x0 - x0) / std::max(1.0, x1 - x0),
                               (box.y0 - y0) / std::max(1.0, y1 - y0));
    };
    std::optional<Box> chosen;
    // The inside place it would take but for what it hides there (the level curve through
    // x0, a level label): taken after all if making room beside the frame shrinks the frame.
    std::optional<Box> hiding;
    // Beside the frame, once there with its own room, it stays while the point moves (the
    // frame would change size under the pointer); what is drawn changing (runs, markers, a
    // new surface) lets it back in.
    const double reserve = (std::max(w, stateWidth) + 4 * inset) / lineScale();
    const double madeRoom = (std::max(widest, stateWidth) + 4 * inset) / lineScale();
    // While stepping the step's legend comes and goes with the sub-steps: the room grows for
    // it once and stays (tester s20b: the frame jumped 120 px at every sub-step). So for a
    // wider entry while the point moves ("cut at the frame"): the room grows, the legend
    // stays beside the frame (tester s24: it went inside, the frame 120 px right, for good).
    // So for a place beside the frame found free without room made (tester s24: at
    // 1600x1000 Rosenbrock's legend went beside, then back over the curves the next render).
    const bool keepBeside = (m_legendReserve > 0 || m_pointLegendBeside) && !m_reconsiderLegend &&
                            !sizeChanged && canReframe;
    m_stateLegendShown = stateShown;
    // A new scene's first render may come before its camera is fitted (the frame still the
    // last scene's, past the view): laid out afresh again once it is, or the layout depended
    // on the scene shown before (#9). Zoomed in, the frame stays past the view: decided now.
    if (fresh && !stateShown)
        m_roomForState = false;
    if (canReframe || zoomed()) {
        m_reconsiderLegend = false;
        m_layoutSize = {size[0], size[1]};
    }
    if (!keepBeside && !places.empty()) {
        // The place it is in (nearest its last position in the frame) stays while no other
        // has clearly less under it (no jumping while the point is dragged); else the first
        // of the cheapest.
        std::size_t current = 0;
        for (std::size_t i = 1; !fresh && i < places.size(); ++i)
            if ((fraction(places[i].box) - m_pointLegendPlace).norm() <
                (fraction(places[current].box) - m_pointLegendPlace).norm())
                current = i;
        std::vector<double> costs;
        for (const Place& place : places)
            costs.push_back(cost(place.box) + place.extra);
        std::size_t best = current;
        for (std::size_t i = 0; i < places.size(); ++i)
            if (costs[i] < costs[best] - (!fresh && best == current ? kCornerHysteresis : 0))
                best = i;
        // Over nothing drawn, or nowhere else to go (zoomed in: the frame fills the view).
        // A place over a level label or the level curve through x0 gives way to a free place
        // beside the frame, and with new content or a new view size (never under a dragged
        // point) to one the frame makes room for while it keeps its size (tester s20: at
        // 1600x1000 and font 1.5 it sat over the curve through x0 beside empty margins).
        const bool free =
            std::any_of(beside.begin(), beside.end(), [&](const Box& b) { return besideFree(b); });
        const bool inside = costs[best] < kOccupiedCost;
        const bool hidesThere = inside && hides(places[best].box);
        // Over level curves where room beside the frame costs it nothing (a wide view, the
        // frame's size set by the height): beside it, over nothing. (Decided in a fit's
        // first pass, it went beside the frame or inside by the way the example was
        // reached, tester s23.)
        const bool roomIsSpare = fresh && canReframe && inside && costs[best] > 0 &&
                                 (m_barReserve + reserve) * lineScale() <= kMaxRightShare * vw &&
                                 fittedPixelsPerUnit(m_barReserve + reserve) >=
                                     (1 - 1e-9) * fittedPixelsPerUnit(m_barReserve);
        const bool makeRoom = inside && fresh && (hidesThere || roomIsSpare);
        if ((inside && !(hidesThere && free) && !makeRoom) || !canReframe) {
            chosen = places[best].box;
            if (costs[best] < kOccupiedCost && m_legendReserve > 0 && canReframe) {
                // Back inside: the frame takes the whole view again, the legend the place
                // chosen (the re-framed layout keeps the place nearest the last one: the
                // scene before's, the other corner of a tie, tester s23).
                m_pointLegendPlace = fraction(places[best].box);
                setLegendReserve(0, true);
                placePointLegend();
                return;
            }
        } else if (inside) {
            hiding = places[best].box;
        }
    }
    if (!chosen)
        for (const Box& b : beside)
            if (besideFree(b)) {
                chosen = b;
                break;
            }
    if (!chosen && canReframe && !m_reframingLegend) {
        // No room beside the frame: the frame gives up the legend's width on the right. For
        // what it would hide inside, only while the frame keeps its size (a wide view has
        // that room beside a square frame); else inside after all.
        // Nor where the room would still be too narrow for it (the reserve is at most
        // kMaxRightShare of the view): it then fell back to a place over the point's arrows.
        // Its size against the frame's with no room for a legend: against the frame as it is
        // (room already made) the decision depended on the layout before it.
        const bool roomHoldsIt = (m_barReserve + reserve) * lineScale() <= kMaxRightShare * vw;
        if (hiding && (!roomHoldsIt || fittedPixelsPerUnit(m_barReserve + reserve) <
                                           kReframeKeeps * fittedPixelsPerUnit(m_barReserve))) {
            chosen = hiding;
        } else {
            setLegendReserve(madeRoom, true);
            m_reframingLegend = true;
            placePointLegend();
            m_reframingLegend = false;
            return;
        }
    }
    if (!chosen) {
        // Nowhere free: beside the frame if it is in the view, else the inside place with the
        // least under it (the first corner put it over the point and its arrows, issue #9).
        if (beside.front().x1 <= vw || places.empty()) {
            chosen = beside.front().x1 <= vw ? beside.front() : Box{x0, y1 - h, x0 + w, y1};
        } else {
            std::size_t cheapest = 0;
            double least = std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i < places.size(); ++i)
                if (const double c = cost(places[i].box) + places[i].extra; c < least) {
                    least = c;
                    cheapest = i;
                }
            chosen = places[cheapest].box;
        }
    }
    const Box b = *chosen;
    // (Beside the frame it is over no label: they need not move.)
    const Eigen::Vector2d at = fraction(b);
    const bool inFrame =
        at.x() >= -1e-3 && at.x() <= 1 + 1e-3 && at.y() >= -1e-3 && at.y() <= 1 + 1e-3;
    // Beside the frame in room made for it: the room follows its width (the step's legend
    // came; an entry came or went under a dragged point, tester s24: the frame stayed moved
    // after the point went back); it stays grown while the step's legend comes and goes with
    // the sub-steps (tester s20b: the frame jumped at every sub-step).
    if (stateShown)
        m_roomForState = true;
    const bool grow = m_legendReserve < reserve - 1;
    const bool shrink = m_legendReserve > madeRoom + 1 && !m_roomForState;
    if (!inFrame && m_legendReserve > 0 && (grow || shrink) && canReframe && !m_reframingLegend) {
        setLegendReserve(madeRoom, true);
        m_reframingLegend = true;
        placePointLegend();
        m_reframingLegend = false;
        return;
    }
    if (canReframe)
        m_pointLegendBeside = !inFrame;
    const bool otherCorner = inFrame && (at - m_pointLegendPlace).norm() > 1e-3;
    m_pointLegendPlace = fraction(b);
    m_pointLegend->GetPositionCoordinate()->SetValue(b.x0 / vw, b.y0 / vh);
    m_pointLegend->GetPosition2Coordinate()->SetValue((b.x1 - b.x0) / vw, (b.y1 - b.y0) / vh);
    // In another corner, or moved with the frame (a resize, a pan) onto a label placed
    // around its old box, or the labels placed around another box (a re-framing places them
    // before the legend moves beside the frame: they kept off where it had been, #9): the
    // labels are placed again, off its new place.
    bool covers = otherCorner || m_labelsPointLegend != pointLegendRect();
    for (std::size_t i = 0; !covers && i < levelLabels.size(); ++i)
        covers = b.meets(levelLabels[i]);
    const double pxPerWorld = pixelsPerWorld();
    const double perPixel = pxPerWorld > 0 ? 1.0 / pxPerWorld : 1.0;
    for (std::size_t i = 0; !covers && i < m_markerList.size(); ++i) {
        const PlotMarker& m = m_markerList[i];
        if (m.label.empty() || !m.at.allFinite())
            continue;
        const Box l = markerLabelBox(m, perPixel, lineScale());
        const Eigen::Vector2d p = toDisplay(l.x0, l.y0), q = toDisplay(l.x1, l.y1);
        covers = b.meets({p.x(), p.y(), q.x(), q.y()});
    }
    if (covers)
        placeLabels();
}

void ContourScene::placeFieldLegend() {
    const int* size = renderer()->GetSize();
    if (!m_fieldLegend->GetVisibility() || size[0] <= 0 || size[1] <= 0)
        return;
    const double vw = size[0], vh = size[1];
    std::vector<Box> axisBoxes = axisTextBoxes(*this);
    // Before the first picture (an export draws one) the axes' text is not measured yet: the
    // band it will take below and left of the frame, as estimated for the fit, stands for it
    // (the last tick label reaching about two font sizes past the frame's end).
    const std::array<double, 4>& f = frame();
    const Eigen::Vector2d lo = toDisplay(f[0], f[2]), hi = toDisplay(f[1], f[3]);
    if (axisBoxes.empty()) {
        // The tick labels' band: their offset from the axis and a line of them; the x axis's
        // title is centred under it (clear of the corners tried below).
        const std::array<double, 2> room = axisTextRoom();
        const double band = (12 + kTickLine * sceneLook().tickFont) * lineScale();
        const double tickEnd = hi.x() + std::max(30.0, 2 * sceneLook().tickFont) * lineScale();
        axisBoxes.push_back({lo.x() - room[0], lo.y() - band, tickEnd, lo.y()});
        axisBoxes.push_back({lo.x() - room[0], lo.y(), lo.x(), hi.y()});
    }
    vtkTextProperty* p = m_fieldLegend->GetTextProperty();
    // Its box where it would be drawn with its anchor at (x, y) (normalized viewport), right
    // or left justified, its foot or its top there.
    // Its box drawn with its foot (descenders included) `bottom` pixels up the view, its
    // right or left end at x (normalized viewport).
    const auto boxAt = [&](double x, double bottom, bool right) {
        right ? p->SetJustificationToRight() : p->SetJustificationToLeft();
        p->SetVerticalJustificationToBottom();
        double b[4];
        m_fieldLegend->SetPosition(x, bottom / vh);
        m_fieldLegend->GetBoundingBox(renderer(), b);
        const double y = (bottom - b[2]) / vh; // the anchor that puts the box's foot there
        m_fieldLegend->SetPosition(x, y);
        return Box{x * vw + b[0], bottom, x * vw + b[1], bottom + b[3] - b[2]};
    };
    // And the legends (the point's beside the frame, the runs' at the top right).
    for (const std::array<double, 4>& r : {pointLegendRect(), runLegendRect()})
        if (r[2] > r[0])
            axisBoxes.push_back({r[0], r[1], r[2], r[3]});
    const auto clear = [&](const Box& b) {
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > vw || b.y1 > vh)
            return false;
        return std::none_of(axisBoxes.begin(), axisBoxes.end(),
                            [&](const Box& a) { return b.meets(a); });
    };
    // On two lines: bottom right (where it always was), bottom left, then at the view's foot
    // under the axes' labels. On four: right of the frame, its foot at the frame's.
    const double margin = 0.02, gap = 2 * lineScale();
    m_fieldLegend->SetInput(m_fieldText[0].c_str());
    for (const auto& [x, bottom, right] :
         {std::tuple{1 - margin, margin * vh, true}, std::tuple{margin, margin * vh, false},
          std::tuple{1 - margin, 1.0, true}})
        if (clear(boxAt(x, bottom, right)))
            return;
    m_fieldLegend->SetInput(m_fieldText[1].c_str());
    if (const Box b = boxAt(1 - margin, lo.y() + gap, true); b.x0 >= hi.x() && clear(b))
        return;
    // Nowhere clear: where it always was.
    m_fieldLegend->SetInput(m_fieldText[0].c_str());
    boxAt(1 - margin, margin * vh, true);
}

bool ContourScene::meetsStrokes(double x0, double y0, double x1, double y1,
                                const std::vector<Stroke>& strokes) {
    for (const Stroke& s : strokes)
        if (segmentMeetsRect(s.a.x(), s.a.y(), s.b.x(), s.b.y(), x0 - s.r, x1 + s.r, y0 - s.r,
                             y1 + s.r))
            return true;
    return false;
}

std::vector<ContourScene::Stroke> ContourScene::pointOverlayStrokes() const {
    std::vector<Stroke> strokes;
    if (!m_point)
        return strokes;
    const double w = glyphWidth();
    strokes.push_back({*m_point, *m_point, 0.011 * w}); // the disc, 0.022 w across
    // The arrows: the shaft to the tip as cut at the frame, the head 0.08 of the length in
    // radius (setExpansion's proportions).
    if (m_arrowLength > 0 && m_ascent->actor->GetVisibility())
        for (int k = 0; k < 2; ++k)
            strokes.push_back({*m_point,
                               *m_point + (k == 0 ? 1.0 : -1.0) * m_arrowReach[std::size_t(k)] *
                                              m_gradientDirection,
                               0.08 * m_arrowLength});
    // The tangent line and the principal axes as drawn, cut at the frame (tester s24: the
    // saddle's axes struck through the labels 0.5 and -0.5), 2 pixels each side.
    const double ppw = pixelsPerWorld();
    for (vtkActor* a : {m_tangentLine.Get(), m_axes[0].Get(), m_axes[1].Get(), m_ring.Get()}) {
        if (!(ppw > 0) || !a->GetVisibility())
            continue;
        for (const auto& [p, q] : drawnSegments(a))
            strokes.push_back({p, q, 2 * lineScale() / ppw});
    }
    return strokes;
}

std::vector<ContourScene::Stroke> ContourScene::occupiedStrokes() const {
    std::vector<Stroke> strokes;
    const double ppw = pixelsPerWorld(), ww = glyphWidth(), line = lineScale();
    if (!(ppw > 0))
        return strokes;
    const auto at = [&](const Eigen::Vector2d& p) { return toDisplay(p.x(), p.y()); };
    // A run's path and its ball (sceneLook().ballDiameter of the width across) at any iterate.
    const double ball = 0.5 * sceneLook().ballDiameter * ww * ppw + 2 * line;
    for (const auto& [a, b] : m_runSegments)
        strokes.push_back({at(a), at(b), ball});
    for (const Eigen::Vector2d& p : m_runPoints) // a run of one iterate has no segment
        strokes.push_back({at(p), at(p), ball});
    // The point, its arrows, tangent and axes (pointOverlayStrokes), 2 pixels wider.
    for (const Stroke& o : pointOverlayStrokes())
        strokes.push_back({at(o.a), at(o.b), o.r * ppw + 2 * line});
    // The markers with an extreme's ring (2.2 symbols across), and their labels.
    const double perPixel = 1.0 / ppw;
    for (const PlotMarker& m : m_markerList) {
        if (!m.at.allFinite())
            continue;
        const Eigen::Vector2d p = toDisplay(m.at.x(), m.at.y());
        strokes.push_back({p, p, kRingRoom * ww * ppw + 2 * line});
        if (m.label.empty())
            continue;
        const Box l = markerLabelBox(m, perPixel, line);
        const Eigen::Vector2d a = toDisplay(l.x0, l.y0), b = toDisplay(l.x1, l.y1);
        // The box as a thick diagonal: a segment from corner to corner r wide covers it.
        const Eigen::Vector2d c = 0.5 * (a + b);
        const double hx = 0.5 * std::abs(b.x() - a.x()), hy = 0.5 * std::abs(b.y() - a.y());
        strokes.push_back({{c.x() - hx, c.y()}, {c.x() + hx, c.y()}, hy + 2 * line});
    }
    return strokes;
}

double ContourScene::runLegendCost(const std::array<double, 4>& box) const {
    // box: xmin, xmax, ymin, ymax (display pixels). What is drawn in the plot (a path, a
    // ball, the point and its arrows, a critical-point marker with its ring and label:
    // occupiedStrokes) and the axes' text: kOccupiedCost each; a level label: kCurveCost.
    double cost = 0;
    for (const Stroke& s : occupiedStrokes())
        if (segmentMeetsRect(s.a.x(), s.a.y(), s.b.x(), s.b.y(), box[0] - s.r, box[1] + s.r,
                             box[2] - s.r, box[3] + s.r))
            cost += kOccupiedCost;
    auto meets = [&](const std::array<double, 4>& b) { // b: xmin, xmax, ymin, ymax
        return !(b[1] < box[0] || box[1] < b[0] || b[3] < box[2] || box[3] < b[2]);
    };
    for (int axis = 0; axis < 2; ++axis) {
        const AxisText t = axisText(axis);
        for (const auto& l : t.labels)
            cost += meets(l) ? kOccupiedCost : 0;
        if (t.title[1] > t.title[0])
            cost += meets(t.title) ? kOccupiedCost : 0;
    }
    cost += kOccupiedCost * axisBandsMet(box);                // the ticks the next render draws
    for (const std::array<double, 4>& l : placedLabelBoxes()) // x0, y0, x1, y1
        cost += meets({l[0], l[2], l[1], l[3]}) ? kCurveCost : 0;
    return cost;
}

void ContourScene::setLegendReserve(double pixels, bool reframe) {
    if (std::abs(pixels - m_legendReserve) < 1 || (!reframe && pixels > 0))
        return;
    m_legendReserve = pixels;
    setRightReserve(m_barReserve + m_legendReserve);
    if (!reframe)
        return;
    m_placingLegend = true;
    resetCamera();
    m_placingLegend = false;
}

void ContourScene::forgetLayout() {
    m_pointLegendPlace = {0, 1};
    m_reconsiderLegend = true;
    m_runs->setLegendCorner(RunPaths::Corner::TopRight);
    m_runs->forgetCorner();
    m_legendReserve = 0;
    m_pointLegendBeside = false;
    setRightReserve(m_barReserve);
    // No box yet: the level labels placed before the first picture keep off nothing.
    m_pointLegend->GetPosition2Coordinate()->SetValue(0, 0);
}

void ContourScene::copyLegendLayout(const ContourScene& shown) {
    m_pointLegendPlace = shown.m_pointLegendPlace;
    m_runs->setLegendCorner(shown.m_runs->legendCorner());
    // Beside the frame on screen: beside it here, with the same room (pixels at pixel scale
    // 1: the export's text scale grows it with the text), kept as the screen keeps it.
    m_legendReserve = shown.m_legendReserve;
    setRightReserve(m_barReserve + m_legendReserve);
    m_reconsiderLegend = shown.m_legendReserve <= 0;
    m_pointLegendBeside = false;
}

bool ContourScene::besideNote(vtkActor2D* legend) const {
    return legend != m_pointLegend.Get(); // it sits inside the frame
}

std::array<double, 4> ContourScene::runLegendRect() const {
    vtkLegendBoxActor* legend = m_runs->legend();
    const int* size = renderer()->GetSize();
    if (!legend->GetVisibility() || size[0] <= 0 || size[1] <= 0)
        return {0, 0, 0, 0};
    const double* p = legend->GetPositionCoordinate()->GetValue();
    const double* q = legend->GetPosition2Coordinate()->GetValue();
    return {p[0] * size[0], p[1] * size[1], (p[0] + q[0]) * size[0], (p[1] + q[1]) * size[1]};
}

std::array<double, 4> ContourScene::pointLegendRect() const {
    if (!m_pointLegend->GetVisibility())
        return {0, 0, 0, 0};
    const int* size = renderer()->GetSize();
    const double* p = m_pointLegend->GetPositionCoordinate()->GetValue();
    const double* q = m_pointLegend->GetPosition2Coordinate()->GetValue();
    return {p[0] * size[0], p[1] * size[1], (p[0] + q[0]) * size[0], (p[1] + q[1]) * size[1]};
}

int ContourScene::pointLegendFontSize() const {
    return m_pointLegend->GetVisibility() ? legendFontSize(m_pointLegend) : 0;
}

namespace {
// The points of a filter's output (plot units) and the scalar each carries (its level).
std::vector<Eigen::Vector2d> outputPoints(vtkPolyDataAlgorithm* filter) {
    std::vector<Eigen::Vector2d> points;
    filter->Update();
    vtkPolyData* d = filter->GetOutput();
    for (vtkIdType i = 0; d && i < d->GetNumberOfPoints(); ++i) {
        double q[3];
        d->GetPoint(i, q);
        points.emplace_back(q[0], q[1]);
    }
    return points;
}
std::vector<double> outputValues(vtkPolyDataAlgorithm* filter) {
    std::vector<double> values;
    filter->Update();
    vtkPolyData* d = filter->GetOutput();
    vtkDataArray* f = d ? d->GetPointData()->GetScalars() : nullptr;
    for (vtkIdType i = 0; f && i < f->GetNumberOfTuples(); ++i)
        values.push_back(f->GetTuple1(i));
    return values;
}
} // namespace

std::vector<Eigen::Vector2d> ContourScene::levelCurvePoints() const {
    return outputPoints(m_stripper);
}
std::vector<double> ContourScene::levelCurveValues() const {
    return outputValues(m_stripper);
}
std::vector<Eigen::Vector2d> ContourScene::modelCurvePoints() const {
    return m_modelActor->GetVisibility() ? outputPoints(m_modelContour)
                                         : std::vector<Eigen::Vector2d>{};
}
std::vector<double> ContourScene::modelCurveValues() const {
    return m_modelActor->GetVisibility() ? outputValues(m_modelContour) : std::vector<double>{};
}

std::vector<std::string> ContourScene::pointLegend() const {
    std::vector<std::string> texts;
    if (m_pointLegend->GetVisibility())
        for (int i = 0; i < m_pointLegend->GetNumberOfEntries(); ++i)
            texts.emplace_back(m_pointLegend->GetEntryString(i) + 2); // after the gap
    return texts;
}

vtkPolyData* ContourScene::pointLegendSymbol(int i) const {
    return m_pointLegend->GetEntrySymbol(i);
}

void ContourScene::setRuns(const std::vector<RunPath>& runs) {
    m_reconsiderLegend = true;
    m_runPoints.clear();
    m_runSegments.clear();
    for (const RunPath& r : runs)
        for (std::size_t k = 0; k < r.points.size(); ++k) {
            const Eigen::Vector3d& p = r.points[k];
            if (!p.allFinite())
                break; // a diverged run ends where f stopped being defined
            m_runPoints.emplace_back(p.x(), p.y());
            if (k > 0)
                m_runSegments.emplace_back(m_runPoints[m_runPoints.size() - 2], m_runPoints.back());
        }
    m_runs->setRuns(runs, lineScale());
    m_runs->update(HeightMap{0, 0}, glyphWidth());
    placeLabels(); // the markers' labels keep off the new paths
    if (m_showBands)
        rebuildBands(); // the colour bar starts under the run legend, whose height changed
}

void ContourScene::setFrame(int frame) {
    m_runs->setFrame(frame);
    m_runs->update(HeightMap{0, 0}, glyphWidth());
}

void ContourScene::setStepMarks(const std::optional<StepMarks>& marks) {
    m_runs->setStepMarks(marks);
    m_runs->update(HeightMap{0, 0}, glyphWidth());
}

void ContourScene::setCriticalPoints(const std::vector<PlotMarker>& markers) {
    m_reconsiderLegend = true;
    m_runs->forgetCorner();
    std::vector<PlotMarker> world = markers;
    for (PlotMarker& m : world)
        m.at = Eigen::Vector3d(m.at.x(), m.at.y(), kMarkerZ * worldWidth());
    m_markerInput = world;
    m_markerList = world; // the level labels keep off them (placeLabels)
    // A marker near the domain's edge would reach over the axes there (a ring at a corner
    // crossed the tick labels): the axes stand off that edge by the marker's reach past it
    // (the camera's next fit takes it in).
    if (m_surface) {
        const GridSpec& g = m_surface->grid;
        const double w = worldWidth();
        std::array<double, 4> pad{0, 0, 0, 0}; // left, right, bottom, top
        for (const PlotMarker& m : world) {
            if (!m.at.allFinite())
                continue;
            const double reach = (m.extreme ? kRingRoom : 0.5 * kMarkerSize + 0.005) * w;
            pad[0] = std::max(pad[0], reach - (m.at.x() - g.xmin));
            pad[1] = std::max(pad[1], reach - (g.xmax - m.at.x()));
            pad[2] = std::max(pad[2], reach - (m.at.y() - g.ymin));
            pad[3] = std::max(pad[3], reach - (g.ymax - m.at.y()));
        }
        for (double& p : pad) // the full reach where any is needed: the same gap everywhere
            p = p > 0 ? kRingRoom * w : 0.0;
        setFramePad(pad);
    }
    m_markers->update(world, kMarkerSize * glyphWidth(), scale());
    placeLabels(); // and the markers' labels off the runs (placeMarkerLabels)
}

void ContourScene::placeMarkerLabels() {
    if (m_markerInput.empty()) {
        updateLeaderLines(); // none
        return;
    }
    const double ppw = pixelsPerWorld();
    if (!(ppw > 0))
        return;
    const double perPixel = 1.0 / ppw, w = glyphWidth();
    // In the frame and the range shown (zoomed or panned).
    const std::array<double, 4>& f = frame();
    const std::array<double, 4> r = shownRange();
    const Box inside{std::max(f[0], r[0]), std::max(f[2], r[2]), std::min(f[1], r[1]),
                     std::min(f[3], r[3])};
    // A run's ball passes every iterate of its path: its radius round the label is taken.
    const double ball = 0.5 * sceneLook().ballDiameter * w;
    std::vector<PlotMarker> placed = m_markerInput;
    std::vector<Box> boxes; // the labels placed so far
    // The point legend's and the run legend's boxes in plot units (placePointLegend).
    std::vector<Box> legends;
    for (const std::array<double, 4>& r : {pointLegendRect(), runLegendRect()})
        if (r[2] > r[0]) {
            const Eigen::Vector2d a = toPlot(r[0], r[1]), c = toPlot(r[2], r[3]);
            legends.push_back(Box{std::min(a.x(), c.x()), std::min(a.y(), c.y()),
                                  std::max(a.x(), c.x()), std::max(a.y(), c.y())});
        }
    const std::vector<Stroke> pointStrokes = pointOverlayStrokes();
    for (std::size_t i = 0; i < placed.size(); ++i) {
        PlotMarker& m = placed[i];
        if (m.label.empty() || !m.at.allFinite())
            continue;
        // The side planebinding chose (inwards at the plot's edges) first, then the others
        // that stay in the frame; the first with the least under it: runs' iterates,
        // other markers and their labels.
        // Clear of a run's ball sitting on the marker (where runs end): its radius and 3
        // pixels, at least the default gap.
        m.labelGap = std::max(9.0 * (m.extreme ? 2 : 1), ball * ppw / lineScale() + 3);
        const PlotMarker given = m;
        const bool below = given.labelY != 0
                               ? given.labelY < 0
                               : given.kind == Classification::Minimum || given.extreme < 0;
        const int y = below ? -1 : 1;
        std::vector<std::pair<int, int>> sides{{given.labelX, given.labelY}};
        for (const int ly : {y, -y})
            for (const int lx : {given.labelX, 0, 1, -1})
                sides.emplace_back(lx, ly);
        double bestCost = std::numeric_limits<double>::infinity();
        std::pair<int, int> best = sides.front();
        double bestGap = given.labelGap;
        // Runs that end on the marker surround it with their paths: the label may stand
        // further off, a label's height at a time (a little dearer each step).
        for (int step = 0; step <= kLabelSteps; ++step)
            for (const auto& [lx, ly] : sides) {
                PlotMarker c = given;
                c.labelX = lx;
                c.labelY = ly;
                c.labelGap = given.labelGap + step * kLabelStep * sceneLook().fontScale;
                const Box b = markerLabelBox(c, perPixel, lineScale());
                if (b.x0 < inside.x0 || b.x1 > inside.x1 || b.y0 < inside.y0 || b.y1 > inside.y1)
                    continue;
                double cost = 0.5 * step;
                const Box near = b.grown(ball);
                for (const Eigen::Vector2d& q : m_runPoints)
                    cost += near.holds(q) ? 1 : 0;
                // A path's step across the label hides it as much as an iterate on it (the
                // box grown by 4 pixels: the estimate of the drawn text is not exact).
                const Box text = b.grown(4 * perPixel * lineScale());
                for (const auto& [p, q] : m_runSegments)
                    cost += segmentMeetsRect(p.x(), p.y(), q.x(), q.y(), text.x0, text.x1, text.y0,
                                             text.y1)
                                ? 2
                                : 0;
                // Never under a legend.
                for (const Box& l : legends)
                    cost += l.meets(b) ? 1000 : 0;
                for (std::size_t j = 0; j < m_markerInput.size(); ++j) {
                    const Eigen::Vector3d& o = m_markerInput[j].at;
                    cost += j != i && o.allFinite() && near.holds({o.x(), o.y()}) ? 100 : 0;
                }
                for (const Box& o : boxes)
                    cost += o.meets(b) ? 100 : 0;
                // Off the point's arrows, tangent and axes (tester s24: "global min -0.429"
                // sat on the -grad f arrow): dearer than standing a few steps off.
                cost += meetsStrokes(text.x0, text.y0, text.x1, text.y1, pointStrokes) ? 5 : 0;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = {lx, ly};
                    bestGap = c.labelGap;
                }
            }
        m.labelX = best.first;
        m.labelY = best.second;
        m.labelGap = bestGap;
        boxes.push_back(markerLabelBox(m, perPixel, lineScale()));
    }
    bool same = placed.size() == m_markerList.size();
    for (std::size_t i = 0; same && i < placed.size(); ++i)
        same = placed[i].labelX == m_markerList[i].labelX &&
               placed[i].labelY == m_markerList[i].labelY &&
               std::abs(placed[i].labelGap - m_markerList[i].labelGap) < 1;
    m_markerList = placed;
    if (!same)
        m_markers->update(m_markerList, kMarkerSize * w, scale());
    updateLeaderLines();
}

void ContourScene::updateLeaderLines() {
    m_leaders.clear();
    const double ppw = pixelsPerWorld();
    const double w = glyphWidth();
    if (ppw > 0)
        for (const PlotMarker& m : m_markerList) {
            if (m.label.empty() || !m.at.allFinite())
                continue;
            // The gap the label would have at kLabelStepsNear steps from the default (the
            // ball's gap, placeMarkerLabels): further than that, a line joins them.
            const double ball = 0.5 * sceneLook().ballDiameter * w;
            const double nearGap =
                std::max(9.0 * (m.extreme ? 2 : 1), ball * ppw / lineScale() + 3) +
                kLabelStepsNear * kLabelStep * sceneLook().fontScale;
            if (m.labelGap <= nearGap + 0.5)
                continue;
            const Box b = markerLabelBox(m, 1.0 / ppw, lineScale());
            const Eigen::Vector2d c(m.at.x(), m.at.y());
            // From the ring's (or the symbol's) edge to the nearest point of the label's box.
            const Eigen::Vector2d q(std::clamp(c.x(), b.x0, b.x1), std::clamp(c.y(), b.y0, b.y1));
            const double r = (m.extreme ? kRingRoom - 0.005 : 0.5 * kMarkerSize) * w;
            if ((q - c).norm() <= r)
                continue;
            m_leaders.emplace_back(c + r * (q - c).normalized(), q);
        }
    auto pts = vtkSmartPointer<vtkPoints>::New();
    auto lines = vtkSmartPointer<vtkCellArray>::New();
    const double z = kMarkerZ * worldWidth();
    for (const auto& [a, b] : m_leaders) {
        const vtkIdType ids[2] = {pts->InsertNextPoint(a.x(), a.y(), z),
                                  pts->InsertNextPoint(b.x(), b.y(), z)};
        lines->InsertNextCell(2, ids);
    }
    auto d = vtkSmartPointer<vtkPolyData>::New();
    d->SetPoints(pts);
    d->SetLines(lines);
    vtkPolyDataMapper::SafeDownCast(m_leaderActor->GetMapper())->SetInputData(d);
    m_leaderActor->SetVisibility(!m_leaders.empty());
    const Rgb& ink = sceneLook().ink;
    setColor(m_leaderActor, ink);
    m_leaderActor->GetProperty()->SetLineWidth(float(std::max(1.0, lineScale())));
}

namespace {
/// World bounds (xmin, xmax, ymin, ymax, ...) of a flat view's text as a display box.
std::array<double, 4> displayBox(const Plot2D& plot, const double* b) {
    const Eigen::Vector2d lo = plot.toDisplay(b[0], b[2]), hi = plot.toDisplay(b[1], b[3]);
    return {std::min(lo.x(), hi.x()), std::min(lo.y(), hi.y()), std::max(lo.x(), hi.x()),
            std::max(lo.y(), hi.y())};
}
} // namespace

std::vector<std::array<double, 4>> ContourScene::levelLabelBoxes() const {
    std::vector<std::array<double, 4>> boxes;
    for (const auto& l : m_labels)
        boxes.push_back(displayBox(*this, l->GetBounds()));
    return boxes;
}

std::vector<std::array<double, 4>> ContourScene::placedLabelBoxes() const {
    // From each label's position and the size placeLabels measured, not the actor's bounds:
    // a billboard's bounds are those of its last render, so a label placed again (its actor
    // kept) reported where it was, a new one nothing, and an animation's frame placed its
    // legend elsewhere than the same frame exported alone.
    std::vector<std::array<double, 4>> boxes;
    for (std::size_t i = 0; i < m_labels.size() && i < m_labelHalfPixels.size(); ++i) {
        const double* at = m_labels[i]->GetPosition();
        const Eigen::Vector2d d = toDisplay(at[0], at[1]);
        const double hw = m_labelHalfPixels[i].x(), hh = m_labelHalfPixels[i].y();
        boxes.push_back({d.x() - hw, d.y() - hh, d.x() + hw, d.y() + hh});
    }
    return boxes;
}

std::vector<std::string> ContourScene::levelLabelTexts() const {
    std::vector<std::string> texts;
    for (const auto& l : m_labels)
        texts.emplace_back(l->GetInput() ? l->GetInput() : "");
    return texts;
}

std::vector<std::array<double, 4>> ContourScene::markerLabelBoxes() const {
    std::vector<std::array<double, 4>> boxes;
    for (const auto& b : m_markers->labelBounds())
        boxes.push_back(displayBox(*this, b.data()));
    return boxes;
}

std::vector<std::pair<Eigen::Vector2d, Eigen::Vector2d>> ContourScene::arrowEdges() const {
    std::vector<std::pair<Eigen::Vector2d, Eigen::Vector2d>> edges;
    for (const Arrow* arrow : {m_ascent.get(), m_descent.get()}) {
        if (!arrow->actor->GetVisibility())
            continue;
        arrow->filter->Update();
        vtkPolyData* d = arrow->filter->GetOutput();
        vtkCellArray* polys = d->GetPolys();
        vtkIdType n = 0;
        const vtkIdType* ids = nullptr;
        polys->InitTraversal();
        while (polys->GetNextCell(n, ids))
            for (vtkIdType k = 0; k < n; ++k) {
                double a[3], b[3];
                d->GetPoint(ids[k], a);
                d->GetPoint(ids[(k + 1) % n], b);
                edges.emplace_back(Eigen::Vector2d(a[0], a[1]), Eigen::Vector2d(b[0], b[1]));
            }
    }
    return edges;
}

bool ContourScene::hitsMarker(double displayX, double displayY) const {
    if (!m_point)
        return false;
    const Eigen::Vector2d d = toDisplay(m_point->x(), m_point->y());
    return (d - Eigen::Vector2d(displayX, displayY)).norm() <= 10 * lineScale();
}

int ContourScene::contourPoints() const {
    return pointCount(m_contour);
}
int ContourScene::pointLevelPoints() const {
    return m_pointLevelActor->GetVisibility() ? pointCount(m_pointLevel) : 0;
}
int ContourScene::modelContourPoints() const {
    return m_modelActor->GetVisibility() ? pointCount(m_modelContour) : 0;
}
int ContourScene::principalAxes() const {
    return int(m_axes[0]->GetVisibility()) + int(m_axes[1]->GetVisibility());
}

bool ContourScene::everyDirectionRing() const {
    return m_ring->GetVisibility();
}

std::vector<std::array<Eigen::Vector2d, 2>> ContourScene::principalSegments() const {
    std::vector<std::array<Eigen::Vector2d, 2>> out;
    for (vtkActor* a : {m_axes[0].Get(), m_axes[1].Get(), m_ring.Get()})
        if (a->GetVisibility())
            for (const auto& s : drawnSegments(a))
                out.push_back(s);
    return out;
}

std::optional<std::array<Eigen::Vector2d, 2>> ContourScene::principalAxisEnds(int k) const {
    if (!m_axes[std::size_t(k)]->GetVisibility())
        return std::nullopt;
    const auto segments = drawnSegments(m_axes[std::size_t(k)]);
    if (segments.empty())
        return std::nullopt;
    return segments.front();
}

Eigen::Vector2d ContourScene::principalAxisDirection(int k) const {
    const auto ends = principalAxisEnds(k);
    if (!ends)
        return Eigen::Vector2d::Zero();
    const Eigen::Vector2d d = (*ends)[1] - (*ends)[0];
    return d.norm() > 0 ? Eigen::Vector2d(d.normalized()) : Eigen::Vector2d::Zero();
}

} // namespace gs
