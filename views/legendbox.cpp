#include "legendbox.h"

#include "vtkmember.h"

#include <vtkCoordinate.h>
#include <vtkLegendBoxActor.h>
#include <vtkNew.h>
#include <vtkTextMapper.h>
#include <vtkTextProperty.h>
#include <vtkViewport.h>
#include <vtkWindow.h>

#include <algorithm>
#include <cmath>

namespace gs {

namespace {
GS_MEMBER(EntryMappers, vtkLegendBoxActor, vtkTextMapper**, TextMapper)

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// Width and height in pixels of `text` drawn with `property` at `fontSize`.
std::pair<int, int> textSize(vtkTextMapper* mapper, vtkViewport* viewport, const std::string& text,
                             int fontSize) {
    mapper->SetInput(text.c_str());
    mapper->GetTextProperty()->SetFontSize(fontSize);
    int size[2] = {0, 0};
    mapper->GetSize(viewport, size);
    return {size[0], size[1]};
}
/// Device pixels per VTK font point: the window's DPI / 72 (the device pixel ratio).
double viewportDpiRatio(vtkViewport* viewport) {
    vtkWindow* window = viewport->GetVTKWindow();
    return window ? std::max(1, window->GetDPI()) / 72.0 : 1.0;
}
} // namespace

double legendWidthLimit(const LegendAnchor& anchor, double viewWidth, double fontPixels) {
    return std::max(anchor.maxWidth * viewWidth,
                    std::min(anchor.minEms * fontPixels, 0.7 * viewWidth));
}

std::size_t utf8Length(const std::string& text) {
    return std::size_t(
        std::count_if(text.begin(), text.end(), [](char c) { return !continuation(c); }));
}

std::string elideUtf8(const std::string& text, std::size_t characters) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (continuation(text[i]))
            continue;
        if (seen == characters)
            return text.substr(0, i) + "…";
        ++seen;
    }
    return text;
}

int fitLegend(vtkLegendBoxActor* legend, vtkViewport* viewport,
              const std::vector<std::string>& labels, int fontSize, const LegendAnchor& anchor) {
    const int* view = viewport ? viewport->GetSize() : nullptr;
    const int n = int(labels.size());
    if (!view || view[0] <= 0 || view[1] <= 0 || n == 0 || legend->GetNumberOfEntries() != n)
        return 0;
    const double vw = view[0], vh = view[1], pad = legend->GetPadding();
    vtkNew<vtkTextMapper> mapper;
    mapper->GetTextProperty()->ShallowCopy(legend->GetEntryTextProperty());
    // The text's height (one line; the same for every label) and the widest label.
    int height = textSize(mapper, viewport, "Ag", fontSize).second;
    // Room for the text: the anchor's width less the padding and the symbol, which the
    // legend draws kLegendBarAspect text heights wide (its share of the width is
    // aspect / (aspect + text width / text height), vtkLegendBoxActor::RenderOpaqueGeometry).
    const double room = legendWidthLimit(anchor, vw, fontSize * viewportDpiRatio(viewport)) -
                        2 * pad - 2 - kLegendBarAspect * height;
    std::vector<std::string> shown = labels;
    for (std::string& label : shown) {
        if (textSize(mapper, viewport, label, fontSize).first <= room)
            continue;
        // The longest prefix (whole characters) that fits with its "…": bisection.
        std::size_t lo = 0, hi = utf8Length(label);
        while (lo < hi) {
            const std::size_t mid = (lo + hi + 1) / 2;
            if (textSize(mapper, viewport, elideUtf8(label, mid), fontSize).first <= room)
                lo = mid;
            else
                hi = mid - 1;
        }
        label = elideUtf8(label, lo);
    }
    // The widest label as vtkLegendBoxActor finds it (at its probe size 12), and at ours.
    int widest = 0, width = 0;
    double textAspect = 1;
    for (const std::string& label : shown) {
        const auto [w12, h12] = textSize(mapper, viewport, label, 12);
        if (w12 > widest) {
            widest = w12;
            textAspect = h12 > 0 ? double(w12) / h12 : 1.0;
            width = textSize(mapper, viewport, label, fontSize).first;
        }
    }
    for (const std::string& label : shown) // a label with taller glyphs (∇, ₁) sets the rows
        height = std::max(height, textSize(mapper, viewport, label, fontSize).second);
    // The legend gives the text (1 - s) of its inner width, s = aspect / (aspect + text
    // aspect), and each entry (inner height) / n: a box of exactly that much (plus a pixel
    // for rounding to whole pixels) draws the text at fontSize, and fontSize + 1 no longer
    // fits its width.
    const double symbolShare = kLegendBarAspect / (kLegendBarAspect + textAspect);
    const double boxWidth = width / (1 - symbolShare) + 2 * pad + 1.5;
    const double boxHeight = n * (height + 0.5) + 2 * pad + 1;
    for (int i = 0; i < n; ++i)
        if (const char* now = legend->GetEntryString(i); !now || shown[std::size_t(i)] != now)
            legend->SetEntryString(i, shown[std::size_t(i)].c_str());
    const double w = std::min(boxWidth, vw) / vw, h = std::min(boxHeight, vh) / vh;
    legend->GetPositionCoordinate()->SetValue(anchor.right - w,
                                              anchor.top ? anchor.y - h : anchor.y);
    legend->GetPosition2Coordinate()->SetValue(w, h);
    return fontSize;
}

int legendFontSize(vtkLegendBoxActor* legend) {
    vtkTextMapper** mappers = legend->*member(EntryMappers{});
    int smallest = 0;
    for (int i = 0; i < legend->GetNumberOfEntries(); ++i) {
        const int size = mappers[i]->GetTextProperty()->GetFontSize();
        smallest = i == 0 ? size : std::min(smallest, size);
    }
    return smallest;
}

} // namespace gs
