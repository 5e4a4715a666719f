#include "chartbase.h"

#include "scenestyle.h"
#include "ticks.h"

#include <QTimer>
#include <algorithm>
#include <cmath>
#include <utility>
#include <vtkAxis.h>
#include <vtkBrush.h>
#include <vtkCallbackCommand.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkContext2D.h>
#include <vtkContextScene.h>
#include <vtkContextView.h>
#include <vtkDoubleArray.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkStringArray.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>
#include <vtkVector.h>

namespace gs {

namespace {

/// VTK's axis with two of its lengths following the text's scale (`spacing`: the device
/// pixel ratio times the font scale), which VTK 9.1 keeps in device pixels whatever the DPI:
/// - the title: VTK puts it a fixed 10 pixels beyond the widest label measured from the
///   axis line, which with a label offset above 10 puts it on the labels. Drawn here
///   kTitleGap x spacing beyond the labels' far side.
/// - the least distance between two ticks (30 pixels on a vertical axis, 45 on a horizontal
///   one): at ratio 2 it put twice as many labels, each twice as large, on the axis. The
///   axis is measured in units of `spacing` pixels when the ticks are chosen.
class ChartAxis : public vtkAxis {
public:
    static ChartAxis* New();

    double spacing = 1.0;

    /// Chooses the ticks again at the next layout (the spacing or the font changed).
    void relayout() {
        TickMarksDirty = !CustomTickLabels; // custom ticks (decades) are kept as they are
        Resized = true;
        Modified();
    }

    /// Where the title is drawn (its text property's justification applies): beside the
    /// labels' far side. Valid after a layout (GetBoundingRect measures the labels).
    vtkVector2f titleAnchor() const {
        const float gap = float(ChartBase::kTitleGap * spacing);
        if (Position == vtkAxis::LEFT)
            return {std::floor(Point1[0] - LabelOffset - MaxLabel[0] - gap),
                    std::floor((Point1[1] + Point2[1]) / 2)};
        return {std::floor((Point1[0] + Point2[0]) / 2),
                std::floor(Point1[1] - LabelOffset - MaxLabel[1] - gap)};
    }

    /// Whole decades to label (a log axis): low..high, every leastStride-th at least; none
    /// when low == high.
    int decadeLow = 0, decadeHigh = 0, decadeLeastStride = 1;
    int decadeStrideShown = 0; ///< the stride of the ticks set now (0: none set)

    /// The stride the labels want at the axis's length as last laid out and the labels' size
    /// at the current font (decadeStride); the least stride before a layout.
    int wantedDecadeStride() {
        const bool vertical = Position == vtkAxis::LEFT || Position == vtkAxis::RIGHT;
        const double length = vertical ? std::abs(double(Point2[1]) - double(Point1[1]))
                                       : std::abs(double(Point2[0]) - double(Point1[0]));
        if (!(length > 0))
            return decadeLeastStride;
        vtkContextScene* scene = GetScene();
        vtkRenderer* renderer = scene ? scene->GetRenderer() : nullptr;
        const int dpi =
            renderer && renderer->GetRenderWindow() ? renderer->GetRenderWindow()->GetDPI() : 72;
        double size = 0; // the labels' largest extent along the axis
        vtkTextRenderer* text = vtkTextRenderer::GetInstance();
        for (int d = decadeLow; text && d <= decadeHigh; ++d) {
            vtkTextRenderer::Metrics m;
            if (text->GetMetrics(LabelProperties, decadeLabel(d), m, dpi))
                size = std::max(size, vertical ? double(m.BoundingBox[3] - m.BoundingBox[2] + 1)
                                               : double(m.BoundingBox[1] - m.BoundingBox[0] + 1));
        }
        return decadeStride(decadeLow, decadeHigh, length, size, decadeLeastStride);
    }

    /// The decades' ticks every `stride`-th from decadeLow, the range's top raised to the
    /// next labelled decade (both ends labelled). False when they are so already.
    bool placeDecades(int stride) {
        if (decadeHigh <= decadeLow || stride == decadeStrideShown)
            return false;
        decadeStrideShown = stride;
        vtkNew<vtkDoubleArray> positions; // log10 units: the axis's scaled coordinates
        vtkNew<vtkStringArray> labels;
        int d = decadeLow;
        for (;; d += stride) {
            positions->InsertNextValue(d);
            labels->InsertNextValue(decadeLabel(d));
            if (d >= decadeHigh)
                break;
        }
        SetUnscaledRange(std::pow(10.0, decadeLow), std::pow(10.0, d));
        SetCustomTickPositions(positions, labels);
        return true;
    }

    bool Paint(vtkContext2D* painter) override {
        // Everything but the title as VTK draws it, then the title (set directly: Modified()
        // would mark the axis for a new layout at every frame).
        const bool titleShown = TitleVisible;
        TitleVisible = false;
        const bool painted = vtkAxis::Paint(painter);
        TitleVisible = titleShown;
        if (painted && titleShown && !Title.empty()) {
            const vtkVector2f at = titleAnchor();
            painter->ApplyTextProp(TitleProperties);
            painter->DrawString(at.GetX(), at.GetY(), Title);
        }
        return painted;
    }

    void AutoScale() override {
        Shrunk shrunk(this);
        vtkAxis::AutoScale();
    }

protected:
    void RecalculateTickSpacing() override {
        Shrunk shrunk(this);
        vtkAxis::RecalculateTickSpacing();
    }

private:
    /// The axis's ends divided by `spacing` while VTK chooses the ticks from its length; by
    /// less on an axis too short for one tick distance at that scale (VTK would label no
    /// tick at all): its two ends are labelled.
    struct Shrunk {
        explicit Shrunk(ChartAxis* axis)
            : a(axis)
            , p1(axis->Position1)
            , p2(axis->Position2) {
            const bool vertical = a->Position == vtkAxis::LEFT || a->Position == vtkAxis::RIGHT;
            const double length =
                vertical ? std::abs(p2.GetY() - p1.GetY()) : std::abs(p2.GetX() - p1.GetX());
            const double least =
                vertical ? ChartBase::kTickSpacingVertical : ChartBase::kTickSpacingHorizontal;
            const float s = float(std::min(a->spacing, std::max(1.0, length / least)));
            a->Position1 = vtkVector2f(p1.GetX() / s, p1.GetY() / s);
            a->Position2 = vtkVector2f(p2.GetX() / s, p2.GetY() / s);
        }
        ~Shrunk() {
            a->Position1 = p1;
            a->Position2 = p2;
        }
        Shrunk(const Shrunk&) = delete;
        Shrunk& operator=(const Shrunk&) = delete;
        ChartAxis* a;
        vtkVector2f p1, p2;
    };

    // Last: it takes no ';' (-Wpedantic) and ends in public:.
    vtkTypeMacro(ChartAxis, vtkAxis)
};

vtkStandardNewMacro(ChartAxis);

ChartAxis* chartAxis(vtkChartXY* chart, int position) {
    return static_cast<ChartAxis*>(chart->GetAxis(position));
}

/// A text's box (xmin, xmax, ymin, ymax, display pixels) drawn at `anchor` with `prop` at
/// `dpi`, as VTK's context device draws it: the anchor rounded down, the text's metrics
/// (justified, rotated) from there.
std::array<double, 4> textBox(vtkTextProperty* prop, const std::string& text, float x, float y,
                              int dpi) {
    vtkTextRenderer::Metrics m;
    vtkTextRenderer* renderer = vtkTextRenderer::GetInstance();
    if (!renderer || !renderer->GetMetrics(prop, text, m, dpi))
        return {0, 0, 0, 0};
    const double ax = std::floor(x), ay = std::floor(y);
    return {ax + m.BoundingBox[0], ax + m.BoundingBox[1] + 1, ay + m.BoundingBox[2],
            ay + m.BoundingBox[3] + 1};
}

} // namespace

ChartBase::ChartBase(vtkSmartPointer<vtkChartXY> chart, double legendFont)
    : m_view(vtkSmartPointer<vtkContextView>::New())
    , m_chart(chart ? std::move(chart) : vtkSmartPointer<vtkChartXY>::New())
    , m_legendFont(legendFont) {
    m_view->SetRenderWindow(renderWindow());
    // The left and bottom axes are ChartAxis (before any plot refers to an axis). The chart
    // owns them (it Deletes its axes); the ones it made are released here.
    for (int position : {vtkAxis::LEFT, vtkAxis::BOTTOM}) {
        vtkAxis* made = m_chart->GetAxis(position);
        m_chart->SetAxis(position, ChartAxis::New());
        made->Delete();
    }
    m_view->GetScene()->AddItem(m_chart);
    m_chart->SetShowLegend(true);
    m_chart->GetLegend()->SetHorizontalAlignment(vtkChartLegend::RIGHT);
    m_chart->GetLegend()->SetVerticalAlignment(vtkChartLegend::TOP);
    // The font scale is re-read as each frame starts: a chart follows the preferences at its
    // next frame, wherever it is (the step dock's charts have no applyLook of their own).
    vtkNew<vtkCallbackCommand> follow;
    follow->SetClientData(this);
    follow->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<ChartBase*>(self)->followFontScale();
    });
    m_view->GetRenderer()->AddObserver(vtkCommand::StartEvent, follow);
    vtkNew<vtkCallbackCommand> decadesBefore, decadesAfter;
    for (auto* c : {decadesBefore.Get(), decadesAfter.Get()})
        c->SetClientData(this);
    decadesBefore->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<ChartBase*>(self)->fitDecadeTicks(true);
    });
    decadesAfter->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<ChartBase*>(self)->fitDecadeTicks(false);
    });
    m_view->GetRenderer()->AddObserver(vtkCommand::StartEvent, decadesBefore);
    m_view->GetRenderer()->AddObserver(vtkCommand::EndEvent, decadesAfter);
    applyTextScale();
}

ChartBase::~ChartBase() = default;

void ChartBase::applyTextScale() {
    const double font = sceneLook().fontScale;
    m_fontScale = font;
    const double ratio = m_layoutRatio;
    const double spacing = ratio * font;
    auto pixels = [](double v) { return int(std::lround(v)); };
    for (int position : {vtkAxis::LEFT, vtkAxis::BOTTOM}) {
        ChartAxis* axis = chartAxis(m_chart, position);
        axis->spacing = spacing;
        axis->GetLabelProperties()->SetFontSize(pixels(kLabelFont * font));
        axis->GetTitleProperties()->SetFontSize(pixels(kTitleFont * font));
        axis->SetLabelOffset(float(kLabelOffset * spacing));
        axis->SetTickLength(float(kTickLength * ratio));
        axis->SetMargins(pixels(kMargin * spacing), pixels(5 * spacing));
        axis->relayout();
    }
    // Room beyond the ends of the axes (the right and top axes are hidden) for the half of
    // the last labels that reaches past them.
    m_chart->SetHiddenAxisBorder(pixels(kHiddenAxisBorder * spacing));
    vtkChartLegend* legend = m_chart->GetLegend();
    legend->SetLabelSize(pixels(m_legendFont * font));
    legend->SetPadding(pixels(kLegendPadding * spacing));
    legend->SetSymbolWidth(pixels(kLegendSymbol * spacing));
}

void ChartBase::setDecadeTicks(int position, int low, int high, int leastStride) {
    ChartAxis* axis = chartAxis(m_chart, position);
    axis->decadeLow = low;
    axis->decadeHigh = high;
    axis->decadeLeastStride = std::max(1, leastStride);
    axis->decadeStrideShown = 0;
    if (high <= low)
        axis->SetCustomTickPositions(nullptr, nullptr);
    else
        axis->placeDecades(axis->wantedDecadeStride()); // at the last layout's length
}

void ChartBase::fitDecadeTicks(bool before) {
    // Before a frame: the stride for the length of the last layout. After it: a layout that
    // changed the length (a resize, another font) so that the labels want another stride
    // draws the chart again, with it.
    for (int position : {vtkAxis::LEFT, vtkAxis::BOTTOM}) {
        ChartAxis* axis = chartAxis(m_chart, position);
        if (axis->decadeHigh <= axis->decadeLow)
            continue;
        const int stride = axis->wantedDecadeStride();
        if (before)
            axis->placeDecades(stride);
        else if (stride != axis->decadeStrideShown)
            QTimer::singleShot(0, this, [this] { render(); });
    }
}

void ChartBase::followFontScale() {
    if (sceneLook().fontScale != m_fontScale)
        applyTextScale();
}

void ChartBase::setLayoutRatio(double ratio) {
    m_layoutRatio = ratio;
    applyTextScale();
    applyLineWidths(ratio);
}

void ChartBase::resizeGL(int w, int h) {
    VtkWidget::resizeGL(w, h);
    const double ratio = devicePixelRatio();
    if (ratio > 0 && ratio != m_deviceScale) {
        m_deviceScale = ratio;
        setLayoutRatio(ratio);
        render();
    }
}

std::vector<ChartBase::TextBox> ChartBase::axisText() {
    followFontScale();
    vtkRenderWindow* window = m_view->GetRenderWindow();
    window->Render(); // laid out: the axes' ends, ticks and widest labels are current
    const int dpi = window->GetDPI();
    std::vector<TextBox> out;
    auto add = [&](vtkTextProperty* prop, const std::string& text, float x, float y, int axis,
                   bool title) {
        if (!text.empty())
            out.push_back({text, textBox(prop, text, x, y, dpi),
                           prop->GetFontSize() * double(dpi) / 72.0, axis == vtkAxis::LEFT, title});
    };
    for (int position : {vtkAxis::LEFT, vtkAxis::BOTTOM}) {
        ChartAxis* axis = chartAxis(m_chart, position);
        vtkFloatArray* at = axis->GetTickScenePositions();
        vtkStringArray* labels = axis->GetTickLabels();
        vtkDoubleArray* values = axis->GetTickPositions();
        const float* p1 = axis->GetPoint1();
        const double low = std::min(axis->GetMinimum(), axis->GetMaximum());
        const double high = std::max(axis->GetMinimum(), axis->GetMaximum());
        for (vtkIdType i = 0; at && labels && values && i < at->GetNumberOfTuples() &&
                              i < labels->GetNumberOfValues() && i < values->GetNumberOfTuples();
             ++i) {
            const double v = values->GetValue(i);
            if (v < low || v > high) // VTK skips ticks out of the axis's range
                continue;
            const float offset = -axis->GetLabelOffset();
            if (position == vtkAxis::LEFT)
                add(axis->GetLabelProperties(), labels->GetValue(i), p1[0] + offset,
                    at->GetValue(i), position, false);
            else
                add(axis->GetLabelProperties(), labels->GetValue(i), at->GetValue(i),
                    p1[1] + offset, position, false);
        }
    }
    for (int position : {vtkAxis::LEFT, vtkAxis::BOTTOM}) {
        ChartAxis* axis = chartAxis(m_chart, position);
        const vtkVector2f title = axis->titleAnchor();
        add(axis->GetTitleProperties(), axis->GetTitle(), title.GetX(), title.GetY(), position,
            true);
    }
    return out;
}

double ChartBase::legendFontPixels() const {
    if (!m_chart->GetShowLegend())
        return 0;
    const int dpi = m_view->GetRenderWindow()->GetDPI();
    return m_chart->GetLegend()->GetLabelSize() * double(dpi) / 72.0;
}

void ChartBase::applyThemeColours() {
    const SceneLook& look = sceneLook();
    const Rgb& ink = look.ink;
    const Rgb& ground = look.background;
    m_view->GetRenderer()->SetBackground(ground[0], ground[1], ground[2]);
    for (int a : {vtkAxis::BOTTOM, vtkAxis::LEFT}) {
        vtkAxis* axis = m_chart->GetAxis(a);
        axis->GetPen()->SetColorF(ink[0], ink[1], ink[2]);
        axis->GetLabelProperties()->SetColor(ink[0], ink[1], ink[2]);
        axis->GetTitleProperties()->SetColor(ink[0], ink[1], ink[2]);
        // Grid lines a quarter of the way from the ground to the ink: visible on either theme.
        axis->GetGridPen()->SetColorF(0.75 * ground[0] + 0.25 * ink[0],
                                      0.75 * ground[1] + 0.25 * ink[1],
                                      0.75 * ground[2] + 0.25 * ink[2]);
    }
    m_chart->GetLegend()->GetBrush()->SetColorF(look.panel[0], look.panel[1], look.panel[2], 0.85);
    m_chart->GetLegend()->GetLabelProperties()->SetColor(ink[0], ink[1], ink[2]);
}

Rgb ChartBase::background() const {
    Rgb c{};
    m_view->GetRenderer()->GetBackground(c.data());
    return c;
}

std::vector<Rgb> ChartBase::textColours() const {
    std::vector<Rgb> colours;
    auto add = [&](vtkTextProperty* p) {
        Rgb c{};
        p->GetColor(c.data());
        colours.push_back(c);
    };
    for (int a : {vtkAxis::BOTTOM, vtkAxis::LEFT}) {
        add(m_chart->GetAxis(a)->GetLabelProperties());
        add(m_chart->GetAxis(a)->GetTitleProperties());
    }
    add(m_chart->GetLegend()->GetLabelProperties());
    return colours;
}

} // namespace gs
