#include "plot2d.h"

#include "cubeaxesparts.h"
#include "legendbox.h"
#include "sceneactors.h"
#include "scenestyle.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <vtkActor.h>
#include <vtkActor2DCollection.h>
#include <vtkActorCollection.h>
#include <vtkAxisActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCoordinate.h>
#include <vtkCubeAxesActor.h>
#include <vtkLegendBoxActor.h>
#include <vtkMapper.h>
#include <vtkObjectFactory.h>
#include <vtkPlane.h>
#include <vtkPlaneCollection.h>
#include <vtkPropCollection.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkViewport.h>

namespace gs {

namespace {
/// Room around the frame for tick labels and titles, as a fraction of its size.
constexpr double kMargin = 0.16;
/// The axes' tick length (VTK's "screen size") and the labels' offset, in pixels at line
/// scale 1; a label's near edge ends up about kLabelGap pixels from its axis.
constexpr double kTickScreenSize = 9, kLabelOffset = 12, kLabelGap = 6;
/// The share of its size the frame keeps at least when it moves under a legend at the top.
constexpr double kUnderLegendKeeps = 0.97;
/// DejaVu Sans: a tick label's character (digits 0.64, '.' and '-' less) and a line's
/// height as fractions of the font size.
constexpr double kCharWidth = 0.55, kLineHeight = 1.2;
/// The title's and the note's tops (normalized viewport), the note's widest (of the width).
constexpr double kTitleTop = 0.975, kNoteTop = 0.93, kNoteWidth = 0.96;
/// A note too long for the width is wrapped onto at most this many lines.
constexpr int kMaxNoteLines = 3;

using Box = std::array<double, 4>; // xmin, xmax, ymin, ymax (display pixels)

/// A text actor's box where it is drawn: VTK gives the box about the actor's anchor.
Box boxOf(vtkTextActor* text, vtkViewport* viewport) {
    Box b{};
    text->GetBoundingBox(viewport, b.data());
    const double* at =
        text->GetActualPositionCoordinate()->GetComputedDoubleViewportValue(viewport);
    return {b[0] + at[0], b[1] + at[0], b[2] + at[1], b[3] + at[1]};
}

bool hasArea(const Box& b) {
    return b[1] > b[0] && b[3] > b[2];
}

} // namespace

/// The frame's axes (vtkCubeAxesActor in 2-D mode) with titles that clear their tick labels.
/// VTK places a 2-D axis title a fixed number of pixels (50 for y, 40 for x) from the axis,
/// while the labels grow with the DPI (a device pixel ratio of 2) and their digits: at ratio 2
/// the y title sat on the labels. Each frame, after VTK has laid out labels and titles and
/// before the overlay pass draws them, a title that would come closer to its labels than a
/// gap is moved out to that gap, measured from the labels' drawn boxes. The vector export
/// reads the title's position after a render, so it draws it where the raster does.
class PlotAxes : public vtkCubeAxesActor {
public:
    static PlotAxes* New();

    int RenderOverlay(vtkViewport* viewport) override {
        clearLabels(viewport);
        measure(viewport);
        return Superclass::RenderOverlay(viewport);
    }

    /// How far the axes' text reached past the frame's left, bottom and right edges in the
    /// last picture (pixels), if one was drawn.
    std::optional<std::array<double, 3>> room() const { return m_room; }

    /// The title's and the labels' boxes of the first drawn axis of a kind (0 x, 1 y).
    Plot2D::AxisText text(int kind, vtkViewport* viewport) const {
        Plot2D::AxisText out;
        vtkAxisActor* axis = drawnAxis(kind);
        if (!axis || !viewport)
            return out;
        out.title = boxOf(axis->*member(AxisTitle2D{}), viewport);
        vtkTextActor** labels = axis->*member(AxisLabels2D{});
        for (int i = 0; labels && i < axis->GetNumberOfLabelsBuilt(); ++i)
            if (const Box b = boxOf(labels[i], viewport); hasArea(b))
                out.labels.push_back(b);
        return out;
    }

private:
    /// The number of drawn axes of a kind (0 x, 1 y), and the i-th of them.
    int drawnCount(int kind) const {
        return kind == 0 ? this->*member(CubeCountX{}) : this->*member(CubeCountY{});
    }
    vtkAxisActor* drawn(int kind, int i) const {
        return kind == 0 ? XAxes[(this->*member(CubeRenderX{}))[i]]
                         : YAxes[(this->*member(CubeRenderY{}))[i]];
    }
    vtkAxisActor* drawnAxis(int kind) const {
        return drawnCount(kind) > 0 ? drawn(kind, 0) : nullptr;
    }

    void measure(vtkViewport* viewport) {
        auto* renderer = vtkRenderer::SafeDownCast(viewport);
        if (!renderer || drawnCount(0) == 0 || drawnCount(1) == 0)
            return;
        // The frame's corners on screen (world bounds, z = 0).
        const double* b = GetBounds();
        auto display = [renderer](double x, double y) {
            renderer->SetWorldPoint(x, y, 0, 1);
            renderer->WorldToDisplay();
            const double* d = renderer->GetDisplayPoint();
            return std::array<double, 2>{d[0], d[1]};
        };
        const auto lo = display(b[0], b[2]), hi = display(b[1], b[3]);
        // Each axis: its labels' reach past the frame, a third of a label's height, the
        // title's thickness (clearLabels puts the title there).
        double left = 0, bottom = 0, right = 0;
        for (int kind : {0, 1}) {
            const Plot2D::AxisText t = text(kind, viewport);
            double reach = 0, labelHeight = 0;
            for (const Box& x : t.labels) {
                reach = std::max(reach, kind == 1 ? lo[0] - x[0] : lo[1] - x[2]);
                labelHeight = std::max(labelHeight, x[3] - x[2]);
                if (kind == 0)
                    right = std::max(right, x[1] - hi[0]);
            }
            if (!hasArea(t.title))
                continue;
            const double thick = kind == 1 ? t.title[1] - t.title[0] : t.title[3] - t.title[2];
            (kind == 1 ? left : bottom) = reach + labelHeight / 3 + thick;
        }
        m_room = std::array<double, 3>{left, bottom, right};
    }

    std::optional<std::array<double, 3>> m_room;

public:
    /// Forgets the measured room (new labels, fonts or sizes).
    void forgetRoom() { m_room.reset(); }

private:
    void clearLabels(vtkViewport* viewport) {
        // The middle of the frame on screen (display pixels): the titles' centres.
        std::array<double, 2> anchor{};
        if (auto* renderer = vtkRenderer::SafeDownCast(viewport)) {
            const double* b = GetBounds();
            renderer->SetWorldPoint(0.5 * (b[0] + b[1]), 0.5 * (b[2] + b[3]), 0, 1);
            renderer->WorldToDisplay();
            anchor = {renderer->GetDisplayPoint()[0], renderer->GetDisplayPoint()[1]};
        }
        for (int kind : {0, 1}) {
            for (int i = 0; i < drawnCount(kind); ++i) {
                vtkAxisActor* axis = drawn(kind, i);
                vtkTextActor* title = axis->*member(AxisTitle2D{});
                const Box t = boxOf(title, viewport);
                vtkTextActor** labels = axis->*member(AxisLabels2D{});
                Box reach{1e300, -1e300, 1e300, -1e300}; // the labels' union
                double labelHeight = 0;
                for (int k = 0; labels && k < axis->GetNumberOfLabelsBuilt(); ++k)
                    if (const Box b = boxOf(labels[k], viewport); hasArea(b)) {
                        reach = {std::min(reach[0], b[0]), std::max(reach[1], b[1]),
                                 std::min(reach[2], b[2]), std::max(reach[3], b[3])};
                        labelHeight = std::max(labelHeight, b[3] - b[2]);
                    }
                if (!hasArea(t) || !hasArea(reach))
                    continue;
                // Beside its labels, a gap of a third of a label's height (it grows with the
                // labels' font), centred on the axis. Not where VTK put it: VTK places it
                // when it builds the axis, not when a fit moves the frame a little, and at
                // no fixed distance from the axis: measured there, the room under the frame
                // grew a pixel at every fit (tester s23: an example framed two ways).
                const double gap = labelHeight / 3;
                double* p = title->GetPosition();
                if (kind == 1) // y: left of the labels, at the axis's middle
                    title->SetPosition(p[0] - (t[1] - (reach[0] - gap)),
                                       p[1] + (anchor[1] - 0.5 * (t[2] + t[3])));
                else // x: under the labels, at the axis's middle
                    title->SetPosition(p[0] + (anchor[0] - 0.5 * (t[0] + t[1])),
                                       p[1] - (t[3] - (reach[2] - gap)));
                // Never cut by the picture's edge while its labels are in the picture
                // (resetCamera keeps room for it; a narrow view may still be too tight).
                const Box moved = boxOf(title, viewport);
                p = title->GetPosition();
                if (kind == 1 && moved[0] < 1 && reach[0] >= 0)
                    title->SetPosition(p[0] + (1 - moved[0]), p[1]);
                else if (kind == 0 && moved[2] < 1 && reach[2] >= 0)
                    title->SetPosition(p[0], p[1] + (1 - moved[2]));
            }
        }
    }

    // Last: it takes no ';' (-Wpedantic) and ends in public:.
    vtkTypeMacro(PlotAxes, vtkCubeAxesActor)
};

vtkStandardNewMacro(PlotAxes);

Plot2D::Plot2D()
    : m_renderer(makeSceneRenderer())
    , m_axes(vtkSmartPointer<PlotAxes>::New())
    , m_title(vtkSmartPointer<vtkTextActor>::New())
    , m_note(vtkSmartPointer<vtkTextActor>::New()) {
    m_renderer->GetActiveCamera()->ParallelProjectionOn();

    m_axes->SetCamera(m_renderer->GetActiveCamera());
    m_axes->SetZTitle("");
    m_axes->ZAxisVisibilityOff();
    m_axes->ZAxisLabelVisibilityOff();
    m_axes->ZAxisTickVisibilityOff();
    m_axes->ZAxisMinorTickVisibilityOff();
    m_axes->SetFlyModeToOuterEdges();
    m_axes->SetTickLocationToOutside();
    m_axes->SetUse2DMode(1);
    m_renderer->AddActor(m_axes);

    for (vtkTextActor* t : {m_title.Get(), m_note.Get()}) {
        t->GetTextProperty()->SetJustificationToCentered();
        t->GetTextProperty()->SetVerticalJustificationToTop();
        t->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
        m_renderer->AddActor2D(t);
    }
    m_titleFit = std::make_unique<FitTextWidth>(m_title, m_renderer, 0.96);
    // The note is wrapped onto two lines before it is made smaller (fitNote).
    m_noteWatch = vtkSmartPointer<vtkCallbackCommand>::New();
    m_noteWatch->SetClientData(this);
    m_noteWatch->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<Plot2D*>(self)->fitNote();
    });
    // After the run legend's layout (priority 0): the note sees where it is, and moves it.
    m_noteObserver = m_renderer->AddObserver(vtkCommand::StartEvent, m_noteWatch, kNotePriority);
    // Zoom and pan: before everything else that lays out the picture (the run legend at
    // priority 0, the note, the views' labels), the axes take the range shown.
    m_clip = vtkSmartPointer<vtkPlaneCollection>::New();
    for (int k = 0; k < 4; ++k)
        m_clip->AddItem(vtkSmartPointer<vtkPlane>::New());
    m_zoomWatch = vtkSmartPointer<vtkCallbackCommand>::New();
    m_zoomWatch->SetClientData(this);
    m_zoomWatch->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<Plot2D*>(self)->followZoom();
    });
    m_zoomObserver = m_renderer->AddObserver(vtkCommand::StartEvent, m_zoomWatch, 10.0f);
    m_hideWatch = vtkSmartPointer<vtkCallbackCommand>::New();
    m_hideWatch->SetClientData(this);
    m_hideWatch->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<Plot2D*>(self)->hideOutside();
    });
    m_hideObserver = m_renderer->AddObserver(vtkCommand::StartEvent, m_hideWatch, -100.0f);
    m_zoomRestore = vtkSmartPointer<vtkCallbackCommand>::New();
    m_zoomRestore->SetClientData(this);
    m_zoomRestore->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<Plot2D*>(self)->showHidden();
    });
    m_restoreObserver = m_renderer->AddObserver(vtkCommand::EndEvent, m_zoomRestore);
    m_title->SetPosition(0.5, kTitleTop);
    m_note->SetPosition(0.5, kNoteTop);
    m_note->GetTextProperty()->SetItalic(true);
    setPixelScale(1.0);
}

Plot2D::~Plot2D() {
    m_renderer->RemoveObserver(m_noteObserver);
    m_renderer->RemoveObserver(m_zoomObserver);
    m_renderer->RemoveObserver(m_hideObserver);
    m_renderer->RemoveObserver(m_restoreObserver);
}

vtkRenderer* Plot2D::renderer() const {
    return m_renderer;
}

void Plot2D::setTitle(const std::string& title) {
    m_title->SetInput(title.c_str());
}

void Plot2D::setNote(const std::string& note) {
    m_noteText = note;
    m_note->SetInput(note.c_str());
    m_note->SetVisibility(!note.empty());
    fitNote();
}

namespace {
/// The text's width in display pixels as the renderer draws it.
double textWidth(vtkTextActor* text, vtkRenderer* renderer) {
    double box[4];
    text->GetBoundingBox(renderer, box);
    return box[1] - box[0];
}
} // namespace

namespace {
/// Words of `text` (split at spaces) set greedily on lines no wider than `room` with `note`'s
/// current font; a word wider than the room alone makes its own line. The lines, joined
/// with '\n'.
std::vector<std::string> wrapWords(const std::string& text, double room, vtkTextActor* note,
                                   vtkRenderer* renderer) {
    std::vector<std::string> words;
    for (std::size_t k = 0; k < text.size();) {
        const std::size_t e = std::min(text.find(' ', k), text.size());
        words.push_back(text.substr(k, e - k));
        k = e + 1;
    }
    // Each run of words' width measured once (the greedy wrap below is tried at several
    // widths).
    std::map<std::pair<std::size_t, std::size_t>, double> widths;
    const auto width = [&](std::size_t from, std::size_t to) { // words [from, to)
        const auto key = std::pair{from, to};
        if (const auto it = widths.find(key); it != widths.end())
            return it->second;
        std::string line = words[from];
        for (std::size_t k = from + 1; k < to; ++k)
            line += " " + words[k];
        note->SetInput(line.c_str());
        return widths[key] = textWidth(note, renderer);
    };
    // Greedy: as many words on a line as fit in `w`; the lines' first words.
    const auto wrap = [&](double w) {
        std::vector<std::size_t> starts{0};
        for (std::size_t k = 1; k < words.size(); ++k)
            if (width(starts.back(), k + 1) > w)
                starts.push_back(k);
        return starts;
    };
    std::vector<std::size_t> starts = wrap(room);
    if (starts.size() > 1) {
        // Balanced: the narrowest width that still takes no more lines (bisection between
        // the widest word and the room), so that the last line is not one word alone
        // ("0.001328" under a full line).
        double lo = 0, hi = room;
        for (std::size_t k = 0; k < words.size(); ++k)
            lo = std::max(lo, width(k, k + 1));
        if (lo < hi) {
            for (int i = 0; i < 12; ++i) {
                const double mid = 0.5 * (lo + hi);
                (wrap(mid).size() <= starts.size() ? hi : lo) = mid;
            }
            starts = wrap(hi);
        }
    }
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : words.size();
        std::string line = words[starts[i]];
        for (std::size_t k = starts[i] + 1; k < end; ++k)
            line += " " + words[k];
        lines.push_back(line);
    }
    return lines;
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines)
        text += (text.empty() ? "" : "\n") + line;
    return text;
}

/// Whether every line is at most `room` wide with `note`'s current font.
bool linesFit(const std::vector<std::string>& lines, double room, vtkTextActor* note,
              vtkRenderer* renderer) {
    for (const std::string& line : lines) {
        note->SetInput(line.c_str());
        if (textWidth(note, renderer) > room)
            return false;
    }
    return true;
}

/// `line` cut to its longest prefix of whole characters that fits `room` with a "…".
std::string elideToRoom(const std::string& line, double room, vtkTextActor* note,
                        vtkRenderer* renderer) {
    note->SetInput(line.c_str());
    if (textWidth(note, renderer) <= room)
        return line;
    std::size_t lo = 0, hi = utf8Length(line);
    while (lo < hi) { // bisection on the number of characters kept
        const std::size_t mid = (lo + hi + 1) / 2;
        note->SetInput(elideUtf8(line, mid).c_str());
        if (textWidth(note, renderer) <= room)
            lo = mid;
        else
            hi = mid - 1;
    }
    return elideUtf8(line, lo);
}
} // namespace

namespace {
/// Where a legend at `legend` (display xmin, xmax, ymin, ymax) goes when the note's lines
/// (box `note`) reach it, `gap` pixels apart: under them, kept inside the view; as it is
/// when they do not.
Box underNote(const Box& legend, const Box& note, double gap) {
    const double h = legend[3] - legend[2];
    if (!(legend[0] < note[1] && note[0] < legend[1] && legend[2] < note[3] + gap &&
          note[2] - gap < legend[3]))
        return legend;
    const double top = std::max(h, note[2] - gap);
    return {legend[0], legend[1], top - h, top};
}
} // namespace

double Plot2D::roomBeside(const Box& legend) const {
    const int* size = m_renderer->GetSize();
    const double W = size[0], H = size[1];
    const double bandBottom =
        kNoteTop * H - kMaxNoteLines * kLineHeight * m_noteFont * m_deviceScale;
    if (legend[3] < bandBottom)
        return kNoteWidth * W; // below the note's lines
    // The note is centred: a legend beside it at the top narrows its room to twice the
    // distance from the middle to the legend's near edge.
    const double free = legend[0] > W / 2   ? 2 * (legend[0] - W / 2) - 8
                        : legend[1] < W / 2 ? 2 * (W / 2 - legend[1]) - 8
                                            : 0;
    return std::min(kNoteWidth * W, std::max(0.0, free));
}

std::vector<std::string> Plot2D::wrapNote(double beside) {
    const double W = m_renderer->GetSize()[0];
    // Never smaller than the tick labels (it was shrunk to 7 pixels): at its size or the
    // tick labels', on up to kMaxNoteLines lines, beside the legends if it fits there, else
    // across the whole width (the legends then move under it); what still does not fit is
    // elided with "…" at the end of the last line.
    vtkTextProperty* p = m_note->GetTextProperty();
    std::vector<std::string> lines;
    for (const double room : {beside, kNoteWidth * W})
        for (const int font : {m_noteFont, m_tickFont}) {
            p->SetFontSize(font);
            lines = wrapWords(m_noteText, room, m_note, m_renderer);
            if (int(lines.size()) <= kMaxNoteLines && linesFit(lines, room, m_note, m_renderer))
                return lines;
        }
    // At the tick labels' size across the width: elided.
    const double room = kNoteWidth * W;
    if (int(lines.size()) > kMaxNoteLines) {
        std::string rest;
        for (std::size_t k = kMaxNoteLines - 1; k < lines.size(); ++k)
            rest += (rest.empty() ? "" : " ") + lines[k];
        lines.resize(kMaxNoteLines - 1);
        lines.push_back(rest);
    }
    for (std::string& line : lines)
        line = elideToRoom(line, room, m_note, m_renderer);
    return lines;
}

std::array<double, 4> Plot2D::legendUnderNote(const std::array<double, 4>& legend) {
    const int* size = m_renderer->GetSize();
    if (m_noteText.empty() || !m_note->GetVisibility() || !size || size[0] <= 0 || size[1] <= 0 ||
        !m_renderer->GetRenderWindow())
        return legend;
    // The note as fitNote would set it beside this legend alone, measured once for each
    // room (a legend's places share a few): the actor's text and font are put back.
    const double beside = std::round(roomBeside(legend));
    const auto key = std::tuple{size[0], size[1], m_noteText, m_noteFont, m_tickFont};
    if (key != m_noteFitsKey) {
        m_noteFits.clear();
        m_noteFitsKey = key;
    }
    auto fit = m_noteFits.find(beside);
    if (fit == m_noteFits.end()) {
        const std::string shown = m_note->GetInput() ? m_note->GetInput() : "";
        const int font = m_note->GetTextProperty()->GetFontSize();
        m_note->SetInput(joinLines(wrapNote(beside)).c_str());
        fit = m_noteFits.emplace(beside, boxOf(m_note, m_renderer)).first;
        m_note->SetInput(shown.c_str());
        m_note->GetTextProperty()->SetFontSize(font);
    }
    return underNote(legend, fit->second, 4 * lineScale());
}

void Plot2D::fitNote() {
    const int* size = m_renderer->GetSize();
    if (m_noteText.empty() || !size || size[0] <= 0 || size[1] <= 0 ||
        !m_renderer->GetRenderWindow())
        return;
    const double H = size[1];
    // The legends at the top beside the note (the runs'), as laid out for this picture
    // (RunPaths lays them out before the note: this observer's priority is lower).
    const auto legends = legendsBesideNote();
    double beside = kNoteWidth * size[0];
    for (const auto& [legend, box] : legends)
        beside = std::min(beside, roomBeside(box));
    m_note->SetInput(joinLines(wrapNote(beside)).c_str());
    // A legend the note's lines reach moves under them (kept inside the view).
    const Box note = boxOf(m_note, m_renderer);
    for (const auto& [legend, box] : legends) {
        const Box moved = underNote(box, note, 4 * lineScale());
        if (moved != box) {
            double* at = legend->GetPositionCoordinate()->GetValue();
            legend->GetPositionCoordinate()->SetValue(at[0], moved[2] / H);
        }
    }
}

int Plot2D::noteLines() const {
    const char* text = m_note->GetInput();
    if (!m_note->GetVisibility() || !text || !*text)
        return 0;
    return 1 + int(std::count(text, text + std::strlen(text), '\n'));
}

int Plot2D::noteFontSize() const {
    return m_note->GetTextProperty()->GetFontSize();
}

void Plot2D::setPixelScale(double scale) {
    m_pixelScale = scale;
    const SceneLook& look = sceneLook();
    // Colours too: the look may have changed since the plot was built (applyLook).
    const Rgb& ink = look.ink;
    m_renderer->SetBackground(look.background[0], look.background[1], look.background[2]);
    m_axes->GetXAxesLinesProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_axes->GetYAxesLinesProperty()->SetColor(ink[0], ink[1], ink[2]);
    for (int a = 0; a < 3; ++a) {
        m_axes->GetTitleTextProperty(a)->SetColor(ink[0], ink[1], ink[2]);
        m_axes->GetLabelTextProperty(a)->SetColor(ink[0], ink[1], ink[2]);
    }
    for (vtkTextActor* t : {m_title.Get(), m_note.Get()})
        t->GetTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_titleFit->setFontSize(int(std::lround(look.titleFont * scale)));
    m_noteFont = int(std::lround(look.tickFont * 1.1 * scale));
    m_tickFont = int(std::lround(look.tickFont * scale));
    m_note->GetTextProperty()->SetFontSize(m_noteFont);
    // The axes' text grows with the export as the rest does (VTK keeps 12 points otherwise:
    // a 4800 x 3600 figure had 12-pixel tick labels), the offsets with the lines.
    for (int a = 0; a < 3; ++a) {
        m_axes->GetLabelTextProperty(a)->SetFontSize(int(std::lround(look.tickFont * scale)));
        m_axes->GetTitleTextProperty(a)->SetFontSize(int(std::lround(look.fTitleFont * scale)));
    }
    m_axes->forgetRoom();
    m_axes->SetLabelOffset(kLabelOffset * lineScale());
    m_axes->SetScreenSize(kTickScreenSize * lineScale());
    m_axes->GetXAxesLinesProperty()->SetLineWidth(float(look.axisWidth * lineScale()));
    m_axes->GetYAxesLinesProperty()->SetLineWidth(float(look.axisWidth * lineScale()));
    applyPixelScale();
}

void Plot2D::setDeviceScale(double ratio) {
    if (!(ratio > 0) || ratio == m_deviceScale)
        return;
    m_deviceScale = ratio;
    setPixelScale(m_pixelScale);
}

void Plot2D::setPlotFrame(const std::array<double, 4>& frame, double yScale, double yOrigin,
                          const std::string& xTitle, const std::string& yTitle) {
    m_frame = frame;
    m_yScale = yScale;
    m_yOrigin = yOrigin;
    m_pad = {0, 0, 0, 0};
    placeAxes();
    m_axes->SetXTitle(xTitle.c_str());
    m_axes->SetYTitle(yTitle.c_str());
}

void Plot2D::setFramePad(const std::array<double, 4>& pad) {
    if (pad == m_pad)
        return;
    m_pad = pad;
    placeAxes();
}

std::array<double, 4> Plot2D::axesFrame() const {
    return {m_frame[0] - m_pad[0], m_frame[1] + m_pad[1], m_frame[2] - m_pad[2],
            m_frame[3] + m_pad[3]};
}

void Plot2D::placeAxes() {
    placeAxes(axesFrame());
}

void Plot2D::placeAxes(const std::array<double, 4>& a) {
    double bounds[6] = {a[0], a[1], worldY(a[2]), worldY(a[3]), 0, 0};
    m_axes->SetBounds(bounds);
    m_axes->SetXAxisRange(a[0], a[1]);
    m_axes->SetYAxisRange(a[2], a[3]);
    m_axes->forgetRoom();
}

void Plot2D::leaveZoom() {
    if (!m_zoomed)
        return;
    m_zoomed = false;
    placeAxes();
    clipActors(false);
}

void Plot2D::resetCamera() {
    m_refitted = false;
    leaveZoom();
    // The note's lines take room above the frame (textRoom): laid out as the next render
    // will lay them out, after the legends beside them (the render's start: RunPaths'
    // layout, then fitNote). A note fitted here before the run legend's layout had two lines
    // and three at the render, over the frame's top. Twice: the legends' first layout saw
    // the camera of the picture before (another function's frame), and the fit followed
    // it (tester s14: an example reached two ways was framed two ways).
    if (!m_renderer->GetRenderWindow()) {
        fitNote();
        fitCamera();
        return;
    }
    // Layouts the passes start (the point legend's) see a camera still being fitted: they
    // wait for the next picture (fittedToView).
    m_fitting = true;
    for (int pass = 0; pass < 2; ++pass) {
        m_renderer->InvokeEvent(vtkCommand::StartEvent);
        fitCamera();
    }
    m_fitting = false;
}

bool Plot2D::refitWanted() const {
    const auto measured = m_axes->room();
    if (m_zoomed || m_refitted || !measured)
        return false;
    if (!m_fitRoom)
        return true;
    for (int k = 0; k < 3; ++k)
        if (std::abs((*measured)[std::size_t(k)] - (*m_fitRoom)[std::size_t(k)]) > 0.5)
            return true;
    return false;
}

Plot2D::Fit Plot2D::fitFor(double pixels) const {
    Fit fit;
    const std::array<double, 4> a = axesFrame(); // the frame and its pads
    const double w = a[1] - a[0], h = worldY(a[3]) - worldY(a[2]);
    double aspect = m_renderer->GetTiledAspectRatio(); // width / height
    if (!(aspect > 0))
        aspect = 4.0 / 3.0;
    // A reserve on the right takes the fraction r of the view's width.
    const int* size = m_renderer->GetSize();
    fit.r =
        pixels > 0 && size[0] > 0 ? std::min(kMaxRightShare, pixels * lineScale() / size[0]) : 0.0;
    // At least the room the axes' text takes in pixels (textRoom): in a narrow view (side
    // by side) the margin, a fraction of the frame, cut the y title at the left edge. With p
    // pixels per world unit the frame takes w p of the (1 - r) W pixels left of the reserve,
    // whose sides must keep `left` and `right`: p <= ((1 - r) W - left - right) / w, and as
    // much up the height H; and the margins in the (1 - r) W.
    if (size[0] > 0 && size[1] > 0) {
        const double W = size[0], H = size[1];
        fit.room = textRoom();
        const double across = (1 - fit.r) * W - fit.room.left - fit.room.right;
        const double up = H - fit.room.bottom - fit.room.top;
        const double margins = 0.5 * (1 + 2 * kMargin) * std::max(h, w / (aspect * (1 - fit.r)));
        if (across > 0 && up > 0)
            fit.p = std::min({H / (2 * margins), across / w, up / h});
        // The frame's centre on screen: in the middle of the width left of the reserve,
        // moved inwards just enough to keep the axes' text's room.
        const auto centre = [&] {
            const double half = w * fit.p / 2;
            fit.xc =
                std::clamp((1 - fit.r) * W / 2, fit.room.left + half,
                           std::max(fit.room.left + half, (1 - fit.r) * W - fit.room.right - half));
        };
        centre();
        // A legend at the top (the runs', under the note's lines) wider than the room beside
        // the frame reached over the frame's corner (tester s23): where the height has room
        // to spare (the width sets the size, give or take kUnderLegendKeeps), the frame's
        // top goes under it.
        if (fit.p > 0) {
            const double under = H -
                                 legendsOverFrame(fit.xc + w * fit.p / 2,
                                                  H - fit.room.top - kLineHeight * label(), H) +
                                 4 * lineScale();
            const double p = (H - fit.room.bottom - under) / h;
            if (under > fit.room.top && p >= kUnderLegendKeeps * fit.p) {
                fit.room.top = under;
                fit.p = std::min(fit.p, p);
                centre();
            }
        }
    }
    return fit;
}

double Plot2D::label() const {
    return sceneLook().tickFont * lineScale();
}

std::vector<std::pair<vtkLegendBoxActor*, Box>> Plot2D::legendsBesideNote() const {
    std::vector<std::pair<vtkLegendBoxActor*, Box>> legends;
    vtkActor2DCollection* actors = m_renderer->GetActors2D();
    actors->InitTraversal();
    while (vtkActor2D* a = actors->GetNextActor2D()) {
        auto* legend = vtkLegendBoxActor::SafeDownCast(a);
        if (!legend || !legend->GetVisibility() || legend->GetNumberOfEntries() <= 0 ||
            !besideNote(a))
            continue;
        const int* p0 = legend->GetPositionCoordinate()->GetComputedDisplayValue(m_renderer);
        const int* p1 = legend->GetPosition2Coordinate()->GetComputedDisplayValue(m_renderer);
        legends.emplace_back(legend,
                             Box{double(std::min(p0[0], p1[0])), double(std::max(p0[0], p1[0])),
                                 double(std::min(p0[1], p1[1])), double(std::max(p0[1], p1[1]))});
    }
    return legends;
}

double Plot2D::legendsOverFrame(double frameRight, double band, double lowest) const {
    for (const auto& [legend, box] : legendsBesideNote())
        if (box[0] < frameRight && box[3] >= band)
            lowest = std::min(lowest, box[2]);
    return lowest;
}

double Plot2D::fittedPixelsPerUnit(double pixels) const {
    return fitFor(pixels).p;
}

void Plot2D::fitCamera() {
    m_fitRoom = m_axes->room();
    vtkCamera* cam = m_renderer->GetActiveCamera();
    const std::array<double, 4> a = axesFrame(); // the frame and its pads
    const double w = a[1] - a[0], h = worldY(a[3]) - worldY(a[2]);
    const double cx = a[0] + 0.5 * w, cy = worldY(a[2]) + 0.5 * h;
    cam->SetViewUp(0, 1, 0);
    double aspect = m_renderer->GetTiledAspectRatio(); // width / height
    if (!(aspect > 0))
        aspect = 4.0 / 3.0;
    // The frame and its margins fit the view's width but the reserve's, (1 - r), centred there.
    const Fit fit = fitFor(m_rightReserve);
    const double r = fit.r;
    // The parallel scale is half the visible height; leave a margin for labels and title.
    double scale = 0.5 * (1 + 2 * kMargin) * std::max(h, w / (aspect * (1 - r)));
    // Visible width V = 2 scale aspect; the frame's centre sits at the middle of the left
    // (1 - r) V: the camera moves right by r V / 2.
    double fx = cx + r * scale * aspect, fy = cy;
    // The frame's centre on screen moves inwards just enough to keep the axes' text's room.
    const int* size = m_renderer->GetSize();
    if (fit.p > 0) {
        const double W = size[0], H = size[1];
        const TextRoom& room = fit.room;
        const double p = fit.p;
        scale = H / (2 * p);
        const double xc = fit.xc;
        const double yc = std::clamp(H / 2, room.bottom + h * p / 2,
                                     std::max(room.bottom + h * p / 2, H - room.top - h * p / 2));
        // The world point at the view's centre.
        fx = cx + (W / 2 - xc) / p;
        fy = cy + (H / 2 - yc) / p;
    }
    cam->SetParallelScale(scale);
    cam->SetFocalPoint(fx, fy, 0);
    cam->SetPosition(fx, fy, 4 * std::max(w, h));
    m_renderer->ResetCameraClippingRange(a[0] - w, a[1] + w, cy - h, cy + h, -w, w);
    m_fittedFrame = a;
    m_fittedSize = {size[0], size[1]};
}

bool Plot2D::fittedToView() const {
    const int* size = m_renderer->GetSize();
    return !m_fitting && size[0] > 0 && size[1] > 0 &&
           m_fittedSize == std::array<int, 2>{size[0], size[1]} && m_fittedFrame == axesFrame();
}

Plot2D::TextRoom Plot2D::textRoom() const {
    // Font sizes in pixels on screen: VTK multiplies points by DPI / 72, the device scale.
    const SceneLook& look = sceneLook();
    const double line = lineScale();
    const double label = look.tickFont * line, title = kLineHeight * look.fTitleFont * line;
    TextRoom room;
    if (const auto measured = m_axes->room()) { // as the last picture drew them
        room.left = (*measured)[0] + 3 * line;
        room.bottom = (*measured)[1] + 3 * line;
        room.right = (*measured)[2] + 3 * line;
    } else {
        // Estimated: the longest y tick label (the ends of the range with one decimal and a
        // sign, DejaVu Sans about 0.55 em a character), a few pixels from the axis; the
        // title a third of a label beyond (PlotAxes puts it there).
        char lo[32], hi[32];
        std::snprintf(lo, sizeof lo, "%.1f", m_frame[2]);
        std::snprintf(hi, sizeof hi, "%.1f", m_frame[3]);
        const double chars = double(std::max(std::strlen(lo), std::strlen(hi)));
        const double ticks = kLabelGap * line;
        room.left = ticks + kCharWidth * label * chars + label / 3 + title + 3 * line;
        room.bottom = ticks + kLineHeight * label + label / 3 + title + 3 * line;
        // The last x label reaches half its width past the frame's right edge.
        std::snprintf(hi, sizeof hi, "%.1f", m_frame[1]);
        room.right = 0.5 * kCharWidth * label * double(std::strlen(hi)) + 3 * line;
    }
    // The title (and the note's lines under it) above the frame.
    const int* size = m_renderer->GetSize();
    const double height = size[1] > 0 ? size[1] : 0;
    const double titleFont = look.titleFont * m_pixelScale * m_deviceScale;
    const int lines = noteLines();
    room.top = lines > 0 ? (1 - kNoteTop) * height +
                               lines * kLineHeight * noteFontSize() * m_deviceScale + 4 * line
                         : (1 - kTitleTop) * height + kLineHeight * titleFont + 4 * line;
    return room;
}

double Plot2D::pixelsPerWorld() const {
    const int* size = m_renderer->GetSize();
    const double scale = m_renderer->GetActiveCamera()->GetParallelScale();
    return size[1] > 0 && scale > 0 ? size[1] / (2 * scale) : 1.0;
}

void Plot2D::rememberHome() {
    const int* size = m_renderer->GetSize();
    if (m_zoomed || size[0] <= 0 || size[1] <= 0)
        return;
    const std::array<double, 4> a = axesFrame();
    const Eigen::Vector2d lo = toDisplay(a[0], a[2]), hi = toDisplay(a[1], a[3]);
    m_home = {lo.x() / size[0], hi.x() / size[0], lo.y() / size[1], hi.y() / size[1]};
    m_homeScale = m_renderer->GetActiveCamera()->GetParallelScale();
    m_zoomed = true;
}

void Plot2D::zoom(double factor, double displayX, double displayY) {
    if (!(factor > 0))
        return;
    rememberHome();
    vtkCamera* cam = m_renderer->GetActiveCamera();
    // From a ten-thousandth of the fitted view (the tick labels keep distinct digits) to
    // twenty times it (the whole domain a small square).
    const double scale =
        std::clamp(cam->GetParallelScale() / factor, 1e-4 * m_homeScale, 20 * m_homeScale);
    factor = cam->GetParallelScale() / scale;
    const Eigen::Vector2d p = toPlot(displayX, displayY);
    double f[3], pos[3];
    cam->GetFocalPoint(f);
    cam->GetPosition(pos);
    // The world point under the cursor stays put: c' = p + (c - p) / factor.
    const double px = p.x(), py = worldY(p.y());
    const double nx = px + (f[0] - px) / factor, ny = py + (f[1] - py) / factor;
    cam->SetFocalPoint(nx, ny, f[2]);
    cam->SetPosition(nx, ny, pos[2]);
    cam->SetParallelScale(scale);
}

void Plot2D::pan(double dx, double dy) {
    rememberHome();
    vtkCamera* cam = m_renderer->GetActiveCamera();
    const double k = 1.0 / pixelsPerWorld();
    double f[3], pos[3];
    cam->GetFocalPoint(f);
    cam->GetPosition(pos);
    cam->SetFocalPoint(f[0] - dx * k, f[1] - dy * k, f[2]);
    cam->SetPosition(pos[0] - dx * k, pos[1] - dy * k, pos[2]);
}

void Plot2D::showRange(const std::array<double, 4>& r) {
    const int* size = m_renderer->GetSize();
    const std::array<double, 4> a = axesFrame();
    const double height = worldY(a[3]) - worldY(a[2]);
    if (size[0] <= 0 || size[1] <= 0 || !(r[1] > r[0]) || !(r[3] > r[2]) || !(height > 0))
        return;
    rememberHome();
    vtkCamera* cam = m_renderer->GetActiveCamera();
    // World lengths grow by s on screen's fixed frame; the frame's centre, `o` from the focal
    // point now, is to show the range's centre: the focal point goes to c_r - s o.
    const double s = (worldY(r[3]) - worldY(r[2])) / height;
    double f[3], pos[3];
    cam->GetFocalPoint(f);
    cam->GetPosition(pos);
    const double ox = 0.5 * (a[0] + a[1]) - f[0], oy = 0.5 * (worldY(a[2]) + worldY(a[3])) - f[1];
    const double nx = 0.5 * (r[0] + r[1]) - s * ox;
    const double ny = 0.5 * (worldY(r[2]) + worldY(r[3])) - s * oy;
    cam->SetFocalPoint(nx, ny, f[2]);
    cam->SetPosition(nx, ny, pos[2]);
    cam->SetParallelScale(s * cam->GetParallelScale());
}

std::array<double, 4> Plot2D::shownRange() const {
    const int* size = m_renderer->GetSize();
    if (!m_zoomed || size[0] <= 0 || size[1] <= 0)
        return axesFrame();
    // The fixed frame's corners on screen, in the plot's units under the current camera.
    const Eigen::Vector2d lo = toPlot(m_home[0] * size[0], m_home[2] * size[1]);
    const Eigen::Vector2d hi = toPlot(m_home[1] * size[0], m_home[3] * size[1]);
    return {lo.x(), hi.x(), lo.y(), hi.y()};
}

int Plot2D::axisBandsMet(const std::array<double, 4>& box) const {
    const std::array<double, 4> r = shownRange();
    const Eigen::Vector2d lo = toDisplay(r[0], r[2]), hi = toDisplay(r[1], r[3]);
    // Half a tick label's height (the last picture's, else the font's size).
    double slack = 0.5 * m_axes->GetLabelTextProperty(0)->GetFontSize();
    for (int axis = 0; axis < 2; ++axis)
        for (const auto& l : axisText(axis).labels)
            slack = std::max(slack, 0.5 * (l[3] - l[2]));
    // Left of the frame, beside its height; below it, under its width.
    const bool left = box[0] < lo.x() - slack && box[3] > lo.y() + slack && box[2] < hi.y() - slack;
    const bool below =
        box[2] < lo.y() - slack && box[1] > lo.x() + slack && box[0] < hi.x() - slack;
    return int(left) + int(below);
}

bool Plot2D::shown(const Eigen::Vector2d& p) const {
    const std::array<double, 4> r = shownRange();
    return insideFrame(p) && p.x() >= r[0] && p.x() <= r[1] && p.y() >= r[2] && p.y() <= r[3];
}

void Plot2D::clipActors(bool on) {
    vtkActorCollection* actors = m_renderer->GetActors();
    actors->InitTraversal();
    while (vtkActor* a = actors->GetNextActor()) {
        vtkMapper* mapper = a == m_axes.Get() ? nullptr : a->GetMapper();
        if (!mapper)
            continue;
        if (on && mapper->GetClippingPlanes() != m_clip.Get())
            mapper->SetClippingPlanes(m_clip);
        else if (!on && mapper->GetClippingPlanes() == m_clip.Get())
            mapper->SetClippingPlanes(static_cast<vtkPlaneCollection*>(nullptr));
    }
}

double Plot2D::glyphWidth() const {
    // The fit's parallel scale over the camera's: 1 at the fit, 1.2 after a notch in.
    const double scale = m_renderer->GetActiveCamera()->GetParallelScale();
    return m_zoomed && scale > 0 && m_homeScale > 0 ? worldWidth() * scale / m_homeScale
                                                    : worldWidth();
}

void Plot2D::followZoom() {
    if (const double g = glyphWidth(); g != m_glyphWidth) {
        m_glyphWidth = g;
        resizeGlyphs();
    }
    if (!m_zoomed)
        return;
    const std::array<double, 4> r = shownRange();
    placeAxes(r);
    // x >= xmin, x <= xmax, y >= ymin, y <= ymax (world y), as planes keeping their normal's side.
    const double x0 = r[0], x1 = r[1], y0 = worldY(r[2]), y1 = worldY(r[3]);
    const double planes[4][6] = {
        {x0, 0, 0, 1, 0, 0}, {x1, 0, 0, -1, 0, 0}, {0, y0, 0, 0, 1, 0}, {0, y1, 0, 0, -1, 0}};
    for (int k = 0; k < 4; ++k) {
        vtkPlane* plane = m_clip->GetItem(k);
        plane->SetOrigin(planes[k][0], planes[k][1], planes[k][2]);
        plane->SetNormal(planes[k][3], planes[k][4], planes[k][5]);
    }
    clipActors(true);
}

void Plot2D::showHidden() {
    for (vtkProp* p : m_hidden)
        p->SetVisibility(true);
    m_hidden.clear();
}

void Plot2D::hideOutside() {
    showHidden(); // a start without its end (resetCamera starts the layout)
    if (!m_zoomed)
        return;
    // A billboard label is not clipped by its mapper's planes: one anchored outside is not
    // drawn this time.
    const std::array<double, 4> r = shownRange();
    const double y0 = std::min(worldY(r[2]), worldY(r[3])),
                 y1 = std::max(worldY(r[2]), worldY(r[3]));
    vtkPropCollection* props = m_renderer->GetViewProps();
    props->InitTraversal();
    while (vtkProp* p = props->GetNextProp()) {
        auto* label = vtkBillboardTextActor3D::SafeDownCast(p);
        if (!label || !label->GetVisibility())
            continue;
        const double* at = label->GetPosition();
        if (at[0] < r[0] || at[0] > r[1] || at[1] < y0 || at[1] > y1) {
            label->SetVisibility(false);
            m_hidden.emplace_back(label);
        }
    }
}

Eigen::Vector2d Plot2D::toPlot(double displayX, double displayY) const {
    m_renderer->SetDisplayPoint(displayX, displayY, 0);
    m_renderer->DisplayToWorld();
    double w[4];
    m_renderer->GetWorldPoint(w);
    if (w[3] != 0 && w[3] != 1)
        for (int i = 0; i < 3; ++i)
            w[i] /= w[3];
    return {w[0], plotY(w[1])};
}

Eigen::Vector2d Plot2D::toDisplay(double x, double y) const {
    m_renderer->SetWorldPoint(x, worldY(y), 0, 1);
    m_renderer->WorldToDisplay();
    double d[3];
    m_renderer->GetDisplayPoint(d);
    return {d[0], d[1]};
}

std::string Plot2D::axisTitle(int axis) const {
    const char* t = axis == 0 ? m_axes->GetXTitle() : m_axes->GetYTitle();
    return t ? t : "";
}

Plot2D::AxisText Plot2D::axisText(int axis) const {
    return m_axes->text(axis, m_renderer);
}

std::string Plot2D::noteShown() const {
    const char* text = m_note->GetInput();
    return noteLines() > 0 && text ? std::string(text) : std::string();
}

std::array<double, 4> Plot2D::noteBox() const {
    return noteLines() > 0 ? boxOf(m_note, m_renderer) : std::array<double, 4>{};
}

std::array<double, 4> Plot2D::titleBox() const {
    return boxOf(m_title, m_renderer);
}

std::string Plot2D::titleShown() const {
    const char* t = m_title->GetInput();
    return t ? t : "";
}

bool Plot2D::insideFrame(const Eigen::Vector2d& p) const {
    return p.x() >= m_frame[0] && p.x() <= m_frame[1] && p.y() >= m_frame[2] && p.y() <= m_frame[3];
}

} // namespace gs
