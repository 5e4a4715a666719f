#include "runpaths.h"

#include "legendbox.h"

#include <vtkActor.h>
#include <vtkBox.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkClipPolyData.h>
#include <vtkCoordinate.h>
#include <vtkLegendBoxActor.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace gs {

Rgb runColor(int i) {
    const SceneLook& look = sceneLook();
    const std::vector<Rgb>& runs = look.runs;
    // The palette's hue, darkened on a light ground (lightened on a dark one) until the line
    // has WCAG's 3:1 for graphics against it: on white the orange #E69F00, sky blue #56B4E9,
    // teal #44AA99, sand #DDCC77 and light blue #99DDFF had 2.2, 2.3, 2.8, 1.6 and 1.5:1
    // (issue #9, tester s8, t03.png). Paths, balls, legends and the loss chart all take it.
    return colourAgainst(look.background, runs[static_cast<std::size_t>(i) % runs.size()],
                         kRunContrast);
}

Rgb RunPaths::pathColour(int run) const {
    Rgb c{};
    m_runs.at(std::size_t(run)).line.actor->GetProperty()->GetColor(c.data());
    return c;
}

int runColorCount() {
    return int(sceneLook().runs.size());
}

RunPaths::RunPaths(vtkRenderer* renderer, vtkBox* box)
    : m_renderer(renderer)
    , m_box(box)
    , m_legend(vtkSmartPointer<vtkLegendBoxActor>::New()) {
    const Rgb& ink = sceneLook().ink;
    m_legend->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    m_legend->GetPositionCoordinate()->SetValue(0.76, 0.88);
    m_legend->GetPosition2Coordinate()->SetValue(0.23, 0.04);
    m_legend->BorderOff();
    m_legend->SetPadding(3);
    m_legend->GetEntryTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_legend->UseBackgroundOn();
    m_legend->SetBackgroundOpacity(0.85);
    m_legend->GetEntryTextProperty()->ShadowOff();
    m_legend->GetEntryTextProperty()->ItalicOff();
    m_legend->GetEntryTextProperty()->BoldOff();
    m_legend->SetVisibility(false);
    m_renderer->AddActor2D(m_legend);
    m_state = std::make_unique<StateGlyphs>(renderer, box);
    // Before each render: the legends' boxes for the viewport's size in pixels.
    m_beforeRender = vtkSmartPointer<vtkCallbackCommand>::New();
    m_beforeRender->SetClientData(this);
    m_beforeRender->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<RunPaths*>(self)->fanBalls();
        static_cast<RunPaths*>(self)->layoutLegends();
    });
    m_observer = m_renderer->AddObserver(vtkCommand::StartEvent, m_beforeRender);
}

RunPaths::~RunPaths() {
    m_renderer->RemoveObserver(m_observer);
}

int RunPaths::legendFontSize() const {
    // The tick labels' size (the look's, with its font scale) times the export's text scale:
    // lineScale is the text scale times the window's device pixel ratio, which VTK already
    // applies to text through the window's DPI (72 per ratio unit; PixelScale).
    const vtkRenderWindow* window = m_renderer->GetRenderWindow();
    const double dpiRatio =
        window ? std::max(1, const_cast<vtkRenderWindow*>(window)->GetDPI()) / 72.0 : 1.0;
    const double textScale = m_lineScale / dpiRatio;
    return std::max(6, int(std::lround(sceneLook().tickFont * textScale)));
}

namespace {
// A legend's box in display pixels (xmin, xmax, ymin, ymax) for a viewport `view` pixels wide
// and high: what the places tried are costed by.
std::array<double, 4> displayBox(vtkLegendBoxActor* legend, const int* view) {
    const double* p = legend->GetPositionCoordinate()->GetValue();
    const double* q = legend->GetPosition2Coordinate()->GetValue();
    return {p[0] * view[0], (p[0] + q[0]) * view[0], p[1] * view[1], (p[1] + q[1]) * view[1]};
}
} // namespace

void RunPaths::layoutLegends() {
    const int font = legendFontSize();
    const Corner was = m_corner;
    m_corner = Corner::TopRight;
    m_tried.clear();
    if (m_legend->GetVisibility() && !m_legendCost) {
        fitLegend(m_legend, m_renderer, m_legendLabels, font, LegendAnchor{0.99, 0.9, true, 0.45});
    } else if (m_legend->GetVisibility()) {
        // Issue #9 (s8 tester): in the top right the legend's solid box hid the maximum's
        // marker and the back of the bowl, and cut names where there was room. Each place
        // tried: its box's cost in the scene, plus kElidedCost for each name cut. The bottom
        // corners too where the scene allows them (issue #9: six runs at font scale 1.5 went
        // top left over the f axis's title while the bottom right was free).
        const int* view = m_renderer->GetSize();
        if (!view || view[0] <= 0 || view[1] <= 0)
            return;
        const LegendCost cost = m_legendCost(); // measures the scene once for every place
        // The corner it was in counts (kSwitchCost) only for the same content in the same
        // view: new runs, a new surface or size are laid out from the scene alone.
        const bool fresh =
            std::exchange(m_freshCorner, false) || m_layoutSize != std::array{view[0], view[1]};
        m_layoutSize = {view[0], view[1]};
        double best = 0;
        LegendAnchor chosen;
        bool first = true;
        std::vector<Corner> corners{Corner::TopRight, Corner::TopLeft};
        if (m_places.bottomCorners)
            corners.insert(corners.end(), {Corner::BottomRight, Corner::BottomLeft});
        for (const Corner corner : corners)
            for (const double width : {kWideLegend, 0.45, kTightLegend}) {
                if (width == kTightLegend && !m_places.tight)
                    continue;
                const bool left = corner == Corner::TopLeft || corner == Corner::BottomLeft;
                const bool top = corner == Corner::TopRight || corner == Corner::TopLeft;
                LegendAnchor a{0.99, top ? 0.9 : 0.01, top, width};
                if (width != 0.45)
                    a.minEms = 0;
                fitLegend(m_legend, m_renderer, m_legendLabels, font, a);
                const double w = m_legend->GetPosition2Coordinate()->GetValue()[0];
                if (left) { // the same box against the left edge
                    a.right = 0.01 + w;
                    fitLegend(m_legend, m_renderer, m_legendLabels, font, a);
                }
                int elided = 0;
                for (int i = 0; i < m_legend->GetNumberOfEntries(); ++i)
                    elided += m_legendLabels[std::size_t(i)] != m_legend->GetEntryString(i);
                // Where the places allow, also slid along the side edge, away from the
                // corner, by half its height at a time (a ring at the frame's corner under
                // a top corner's box, tester s14), each step costing a little.
                const double h = m_legend->GetPosition2Coordinate()->GetValue()[1];
                const int slides = m_places.slides ? kLegendSlides : 0;
                for (int k = 0; k <= slides; ++k) {
                    LegendAnchor slid = a;
                    slid.y = a.y + (top ? -0.5 : 0.5) * k * h;
                    if (slid.y - (top ? h : 0) < 0 || slid.y + (top ? 0 : h) > 1)
                        break; // out of the view
                    if (k > 0)
                        fitLegend(m_legend, m_renderer, m_legendLabels, font, slid);
                    const std::array<double, 4> box = displayBox(m_legend, view);
                    const double c = cost(box);
                    m_tried.emplace_back(box, c);
                    const double total = c + kElidedCost * elided + kSlideCost * k +
                                         (corner != was && !fresh ? kSwitchCost : 0);
                    if (first || total < best) {
                        best = total;
                        chosen = slid;
                        m_corner = corner;
                        first = false;
                    }
                }
            }
        fitLegend(m_legend, m_renderer, m_legendLabels, font, chosen);
    }
    layoutStateLegend(font);
}

void RunPaths::layoutStateLegend(int font) {
    vtkLegendBoxActor* state = m_state->legend();
    const int* view = m_renderer->GetSize();
    if (!m_legendCost || !state->GetVisibility() || !view || view[0] <= 0 || view[1] <= 0) {
        m_state->layoutLegend(font);
        return;
    }
    // Tester s19: in the bottom right the step's legend covered a "global max" label at the
    // frame's corner. Tried there, in the bottom left, and under the run legend in its top
    // corner (a top corner of its own covered the title, which the cost does not count); the
    // least cost in the scene wins (the bottom right on a tie), never over the run legend.
    const auto boxOf = [&](vtkLegendBoxActor* a) { return displayBox(a, view); };
    const bool runLegend = m_legend->GetVisibility();
    const std::array<double, 4> runs = runLegend ? boxOf(m_legend) : std::array<double, 4>{};
    const LegendAnchor base = m_state->defaultLegendAnchor();
    const LegendCost cost = m_legendCost();
    double best = 0;
    LegendAnchor chosen = base;
    bool first = true;
    int corner = -1, chosenCorner = 0;
    for (const bool top : {false, true})
        for (const bool left : {false, true}) {
            ++corner;
            LegendAnchor a = base;
            a.top = top;
            a.right = 0.98;
            // Under the run legend when it is at this side's top, else at the view's top.
            const bool runsHere = runLegend &&
                                  (left ? runs[0] < 0.5 * view[0] : runs[1] > 0.5 * view[0]) &&
                                  runs[3] > 0.5 * view[1];
            if (top && !runsHere)
                continue; // a top corner of its own covered the title (tester s19b)
            a.y = top ? runs[2] / view[1] - 0.01 : base.y;
            m_state->layoutLegend(font, a);
            if (left) { // the same box against the left edge
                a.right = 0.02 + state->GetPosition2Coordinate()->GetValue()[0];
                m_state->layoutLegend(font, a);
            }
            const std::array<double, 4> b = boxOf(state);
            if (b[2] < 0 || b[3] > view[1])
                continue; // no room there
            const bool overRuns = runLegend && !(b[1] < runs[0] || runs[1] < b[0] ||
                                                 b[3] < runs[2] || runs[3] < b[2]);
            if (overRuns)
                continue;
            const double c = cost(b) + (corner != m_stateCorner ? kSwitchCost : 0);
            if (first || c < best) {
                best = c;
                chosen = a;
                chosenCorner = corner;
                first = false;
            }
        }
    m_stateCorner = chosenCorner;
    m_state->layoutLegend(font, chosen);
}

void RunPaths::setRuns(const std::vector<RunPath>& runs, double lineScale) {
    m_lineScale = lineScale;
    m_freshCorner = true; // new runs: the corner from the scene alone
    const Rgb& ink = sceneLook().ink;
    for (auto& r : m_runs) {
        m_renderer->RemoveActor(r.line.actor);
        m_renderer->RemoveActor(r.ball.actor);
    }
    m_runs.clear();
    m_runs.reserve(runs.size());
    for (const RunPath& path : runs) {
        // Paths are clipped to the plot's box like the models: a wild step leaves the box.
        Actors& r = m_runs.emplace_back(Actors{path, ClippedActor(m_box), Ball(path.color)});
        vtkProperty* line = r.line.actor->GetProperty();
        line->SetColor(path.color[0], path.color[1], path.color[2]);
        line->RenderPointsAsSpheresOn();
        line->SetVertexVisibility(true);
        line->SetVertexColor(path.color[0], path.color[1], path.color[2]);
        // A path stays visible over the surface and the models it runs through.
        drawOnTop(r.line.actor);
        drawOnTop(r.ball.actor);
        m_renderer->AddActor(r.line.actor);
        m_renderer->AddActor(r.ball.actor);
    }
    applyStyle(lineScale);
    // Each entry: a bar in the run's colour (a bare line segment has no height, and the
    // legend drew it on the text's baseline like a stray "_"), a gap, then the label in ink
    // (light run colours are hard to read as text). The legend colours a symbol by its
    // scalars and the label by the entry's colour.
    m_legend->SetNumberOfEntries(static_cast<int>(m_runs.size()));
    m_legendLabels.clear();
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        vtkNew<vtkPolyData> symbol;
        vtkNew<vtkPoints> corners;
        for (const auto& [x, y] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {1.0, 0.4}, {0.0, 0.4}})
            corners->InsertNextPoint(x, y, 0);
        vtkNew<vtkCellArray> bar;
        const vtkIdType ids[4] = {0, 1, 2, 3};
        bar->InsertNextCell(4, ids);
        symbol->SetPoints(corners);
        symbol->SetPolys(bar);
        vtkNew<vtkUnsignedCharArray> colour;
        colour->SetNumberOfComponents(3);
        const Rgb& c = m_runs[i].path.color;
        colour->InsertNextTuple3(std::lround(255 * c[0]), std::lround(255 * c[1]),
                                 std::lround(255 * c[2]));
        symbol->GetCellData()->SetScalars(colour);
        Rgb text = ink; // VTK takes a non-const pointer
        m_legendLabels.push_back("  " + m_runs[i].path.label);
        m_legend->SetEntry(static_cast<int>(i), symbol.Get(), m_legendLabels.back().c_str(),
                           text.data());
    }
    // In the top right corner, under the title: the 3-D box and the contour frame leave it
    // free, where the bottom left held the axes' tick labels. Its text has the tick labels'
    // size whatever the view's size (a narrow view, side by side, shrank it to 6-8 px): the
    // box is laid out in pixels (layoutLegends, before each render, and now if the view has
    // a size, so that what is placed under it sees its bottom); long labels are elided.
    const double k = sceneLook().fontScale;
    const double height = std::min(0.6, 0.03 * k * double(m_runs.size()));
    const double width = std::min(0.45, 0.23 * k);
    m_legend->GetPositionCoordinate()->SetValue(0.99 - width, 0.9 - height);
    m_legend->GetPosition2Coordinate()->SetValue(width, height);
    m_legend->SetVisibility(!m_runs.empty());
    layoutLegends();
}

std::array<double, 4> RunPaths::legendRect() const {
    if (!m_legend->GetVisibility())
        return {};
    const double* p = m_legend->GetPositionCoordinate()->GetValue();
    const double* q = m_legend->GetPosition2Coordinate()->GetValue();
    return {p[0], p[1], p[0] + q[0], p[1] + q[1]};
}

double RunPaths::legendBottom() const {
    return m_legend->GetVisibility() && m_corner == Corner::TopRight
               ? m_legend->GetPositionCoordinate()->GetValue()[1]
               : 1.0;
}

void RunPaths::applyStyle(double k) {
    m_lineScale = k;
    const SceneLook& look = sceneLook();
    m_legend->SetBackgroundColor(look.panel[0], look.panel[1], look.panel[2]);
    m_legend->GetEntryTextProperty()->SetColor(look.ink[0], look.ink[1], look.ink[2]);
    for (auto& r : m_runs) {
        r.line.actor->GetProperty()->SetLineWidth(static_cast<float>(look.pathWidth * k));
        r.line.actor->GetProperty()->SetPointSize(static_cast<float>(look.pathPointSize * k));
        // Unlit: the path has the legend's colour whatever the light (lit lines without
        // normals came out nearly black where hundreds of short steps overlap).
        r.line.actor->GetProperty()->LightingOff();
    }
    m_state->applyStyle(k);
}

int RunPaths::drawnPoints(int run) const {
    vtkPolyData* poly = m_runs[std::size_t(run)].line.input();
    return poly ? static_cast<int>(poly->GetNumberOfPoints()) : 0;
}

std::string RunPaths::legendEntry(int run) const {
    const char* text = m_legend->GetEntryString(run);
    return text ? text : "";
}

void RunPaths::update(const HeightMap& height, double width) {
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        Actors& r = m_runs[i];
        const auto& pts = r.path.points;
        const int total = static_cast<int>(pts.size());
        const int shown = m_frame < 0 ? total : std::min(total, m_frame + 1);
        auto points = vtkSmartPointer<vtkPoints>::New();
        auto lines = vtkSmartPointer<vtkCellArray>::New();
        auto verts = vtkSmartPointer<vtkCellArray>::New();
        std::vector<vtkIdType> ids;
        for (int k = 0; k < shown; ++k) {
            const Eigen::Vector3d& p = pts[std::size_t(k)];
            if (!p.allFinite())
                break; // a diverged run ends where f stopped being defined
            const vtkIdType id = points->InsertNextPoint(p.x(), p.y(), height(p.z()));
            ids.push_back(id);
            verts->InsertNextCell(1, &id);
        }
        // Whether the run leaves the plot, over its whole path: judged on the iterates shown,
        // the legend's text (and width, and the layout) changed in the middle of the
        // animation (tester s23). Outside by more than a line's width: an iterate a hair
        // below the sampled surface's lowest value (the grid misses the true minimum) is not
        // "cut".
        bool cut = false;
        for (int k = 0; k < total && !cut; ++k) {
            const Eigen::Vector3d& p = pts[std::size_t(k)];
            if (!p.allFinite())
                break;
            double q[3] = {p.x(), p.y(), height(p.z())};
            cut = m_box->EvaluateFunction(q) > 0.005 * width;
        }
        // The legend says what the picture cannot (tester s17: a Newton run ending far below
        // the curve read "(minimum)" with no ball and no word).
        if (cut != r.cut && i < m_legendLabels.size()) {
            r.cut = cut;
            m_legendLabels[i] = "  " + r.path.label + (cut ? ", leaves the plot" : "");
            m_legend->SetEntryString(int(i), m_legendLabels[i].c_str());
        }
        if (ids.size() >= 2)
            lines->InsertNextCell(static_cast<vtkIdType>(ids.size()), ids.data());
        auto poly = vtkSmartPointer<vtkPolyData>::New();
        poly->SetPoints(points);
        poly->SetLines(lines);
        poly->SetVerts(verts);
        r.line.setInput(poly);
        double at[3] = {0, 0, 0};
        if (!ids.empty())
            points->GetPoint(ids.back(), at);
        // The ball marks the current iterate while it is inside the box.
        const bool inside = !ids.empty() && m_box->EvaluateFunction(at) <= 1e-9 * width;
        r.ball.actor->SetVisibility(inside);
        r.shown = inside;
        r.at = r.drawnAt = Eigen::Vector3d(at[0], at[1], at[2]);
        m_ballDiameter = sceneLook().ballDiameter * width;
        if (inside)
            r.ball.place(at, m_ballDiameter);
    }
    fanBalls();
    m_state->update(height, width);
}

void RunPaths::fanBalls() {
    if (m_runs.size() < 2 || !(m_ballDiameter > 0))
        return;
    // The screen's right in the world: the direction of projection times the view-up.
    vtkCamera* camera = m_renderer->GetActiveCamera();
    Eigen::Vector3d forward, up;
    camera->GetDirectionOfProjection(forward.data());
    camera->GetViewUp(up.data());
    Eigen::Vector3d right = forward.cross(up);
    if (!(right.norm() > 0))
        return;
    right.normalize();
    // The screen's up in the world, square to the right and to the direction of projection.
    const Eigen::Vector3d screenUp = right.cross(forward).normalized();
    const double near = kCoincidentShare * m_ballDiameter;
    // Groups of balls too near to tell apart, closed under "near" (a chain of iterates each
    // near the next is one group), then merged again wherever a fanned ball lands near a ball
    // of another group (tester s17: momentum fanned beside gradient descent sat on Nesterov's
    // ball, one half-and-half sphere). Each round merges or stops: at most n rounds.
    const std::size_t n = m_runs.size();
    std::vector<std::size_t> groupOf(n);
    for (std::size_t i = 0; i < n; ++i)
        groupOf[i] = i;
    const auto merge = [&](std::size_t a, std::size_t b) {
        const std::size_t from = groupOf[b], to = groupOf[a];
        if (from == to)
            return false;
        for (std::size_t& g : groupOf)
            if (g == from)
                g = to;
        return true;
    };
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            if (m_runs[i].shown && m_runs[j].shown && (m_runs[j].at - m_runs[i].at).norm() < near)
                merge(i, j);
    std::vector<Eigen::Vector3d> drawn(n);
    for (std::size_t round = 0; round <= n; ++round) {
        for (std::size_t g = 0; g < n; ++g) {
            std::vector<std::size_t> group;
            for (std::size_t k = 0; k < n; ++k)
                if (m_runs[k].shown && groupOf[k] == g)
                    group.push_back(k);
            if (!group.empty())
                fanGroup(group, right, screenUp, drawn);
        }
        bool merged = false;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j)
                if (m_runs[i].shown && m_runs[j].shown && groupOf[i] != groupOf[j] &&
                    (drawn[j] - drawn[i]).norm() < near)
                    merged = merge(i, j) || merged;
        if (!merged)
            break;
    }
    for (std::size_t k = 0; k < n; ++k) {
        Actors& r = m_runs[k];
        if (r.shown && drawn[k] != r.drawnAt) {
            r.drawnAt = drawn[k];
            r.ball.place(drawn[k].data(), m_ballDiameter);
        }
    }
}

void RunPaths::fanGroup(std::vector<std::size_t> group, const Eigen::Vector3d& right,
                        const Eigen::Vector3d& screenUp,
                        std::vector<Eigen::Vector3d>& drawn) const {
    if (group.size() == 1) {
        drawn[group[0]] = m_runs[group[0]].at;
        return;
    }
    // Around the iterates' mean, touching and never overlapping (an overlap would be
    // painted differently in the SVG): two side by side, n >= 3 on a ring whose chord
    // between neighbours is a diameter d, radius d / (2 sin(pi / n)) (six: d). A row of
    // six reached 3 d from the iterate and read as a run stopping short (tester s9).
    // Round the mean, not the first's iterate: near but distinct iterates each move by
    // half a diameter, not one by a whole (tester s15 read it as a ball off its path).
    Eigen::Vector3d centre = Eigen::Vector3d::Zero();
    for (const std::size_t k : group)
        centre += m_runs[k].at;
    centre /= double(group.size());
    // Two: the one further right on screen stays on the right.
    if (group.size() == 2 && (m_runs[group[1]].at - m_runs[group[0]].at).dot(right) > 0)
        std::swap(group[0], group[1]);
    const double count = double(group.size());
    const double radius = group.size() == 2
                              ? 0.5 * m_ballDiameter
                              : m_ballDiameter / (2.0 * std::sin(std::numbers::pi / count));
    for (std::size_t k = 0; k < group.size(); ++k) {
        // The first on top, then clockwise (two: right, then left).
        const double angle =
            group.size() == 2 ? std::numbers::pi * double(k)
                              : 0.5 * std::numbers::pi - 2.0 * std::numbers::pi * double(k) / count;
        drawn[group[k]] = centre + radius * (std::cos(angle) * right + std::sin(angle) * screenUp);
    }
}

std::optional<Eigen::Vector3d> RunPaths::ballCentre(int run) const {
    if (run < 0 || std::size_t(run) >= m_runs.size() || !m_runs[std::size_t(run)].shown)
        return std::nullopt;
    return m_runs[std::size_t(run)].drawnAt;
}

vtkLegendBoxActor* RunPaths::legend() const {
    return m_legend;
}

} // namespace gs
