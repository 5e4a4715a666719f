#include "scenestyle.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vtkFreeTypeTools.h>
#include <vtkMath.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkTextProperty.h>

namespace gs {

namespace {

/// FreeType's face loader for VTK's glyph cache: the face a cached text property names.
/// VTK keys its cache by text property (family, bold, italic, orientation, ...); the loader
/// is asked for a face once per key. The default family ("Arial") loads sceneFontFile(), a
/// font file loads that file, everything else (Courier, Times, a missing file) VTK's
/// embedded face. A rotated property gets its rotation as the face's transform.
FT_Error loadSceneFace(FTC_FaceID id, FT_Library library, FT_Pointer tools, FT_Face* face) {
    vtkNew<vtkTextProperty> p;
    static_cast<vtkFreeTypeTools*>(tools)->MapIdToTextProperty(reinterpret_cast<std::uintptr_t>(id),
                                                               p);
    FT_Error error = 1;
    if (p->GetFontFamily() == VTK_FONT_FILE && p->GetFontFile())
        error = FT_New_Face(library, p->GetFontFile(), 0, face);
    else if (p->GetFontFamily() == VTK_ARIAL || p->GetFontFamily() == VTK_UNKNOWN_FONT)
        error = FT_New_Face(library, sceneFontFile(p->GetBold(), p->GetItalic()), 0, face);
    if (error != 0 && !vtkFreeTypeTools::LookupFace(p, library, face))
        return error;
    if (p->GetOrientation() != 0.0) {
        // A rotation by a in FreeType's 16.16 fixed point: [cos a, -sin a; sin a, cos a].
        const double a = vtkMath::RadiansFromDegrees(p->GetOrientation());
        const auto fixed = [](double v) { return FT_Fixed(std::lround(v * 65536.0)); };
        FT_Matrix rotation{fixed(std::cos(a)), fixed(-std::sin(a)), fixed(std::sin(a)),
                           fixed(std::cos(a))};
        FT_Set_Transform(*face, &rotation, nullptr);
    }
    return 0;
}

/// VTK's FreeType tools with loadSceneFace as the glyph cache's face loader.
class SceneFontTools : public vtkFreeTypeTools {
public:
    static SceneFontTools* New();

protected:
    FT_Error CreateFTCManager() override {
        return FTC_Manager_New(*GetLibrary(), MaximumNumberOfFaces, MaximumNumberOfSizes,
                               MaximumNumberOfBytes, loadSceneFace, this, CacheManager);
    }

    // Last: it takes no ';' (-Wpedantic) and ends in public:.
    vtkTypeMacro(SceneFontTools, vtkFreeTypeTools)
};

vtkStandardNewMacro(SceneFontTools);

SceneLook& currentLook() {
    static SceneLook look;
    return look;
}

} // namespace

const SceneLook& sceneLook() {
    return currentLook();
}

const char* sceneFontFile(bool bold, bool italic) {
    static const char* const files[2][2] = {
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf"}};
    return files[bold ? 1 : 0][italic ? 1 : 0];
}

void useSceneFont() {
    static const bool installed = [] {
        vtkNew<SceneFontTools> tools;
        vtkFreeTypeTools::SetInstance(tools); // holds its own reference
        return true;
    }();
    (void)installed;
}

namespace {
// At start-up, before anything can draw text: VTK's text renderer keeps a plain pointer to
// the font tools it found when it started, which SetInstance would delete under it.
[[maybe_unused]] const bool sceneFontAtStart = (useSceneFont(), true);
} // namespace

void setSceneLook(const SceneLook& look) {
    currentLook() = look;
}

SceneLook SceneLook::dark() const {
    SceneLook d = *this;
    // A dark grey rather than black: anti-aliased lines keep their colour against it.
    d.background = {0.12, 0.12, 0.14};
    d.panel = {0.12, 0.12, 0.14};
    d.ink = {0.90, 0.90, 0.92};
    d.tangentEdge = {0.70, 0.70, 0.75};
    // The light theme's purple has 1.7:1 on the dark ground; a light violet #B866FF has 5.0:1,
    // stays 0.36 from every dark run colour and 23.8 CIELAB units from the surface, the
    // tangent and the ground under simulated colour blindness (python3 offline; test_gui
    // darkThemeOverlaysKeepContrast and defaultColoursAreColourBlindSafe check both).
    d.quadratic = {0.72, 0.40, 1.00};
    d.newtonModel = {0.80, 0.80, 0.80};
    d.unclassified = {0.65, 0.65, 0.65};
    // The state's step taken was black (1.2:1 on the dark ground) and its moment brown
    // (2.6:1): the ink (13:1) and salmon #DD7755 (5.3:1), the dark runs' brown.
    d.stepTaken = d.ink;
    d.moment = {0.867, 0.467, 0.333};
    // The light palette's darkest runs, lightened (same places in the palette).
    const SceneLook light;
    const std::pair<Rgb, Rgb> lighter[] = {{light.runs[9], {0.500, 0.500, 0.733}},
                                           {light.runs[8], {0.867, 0.467, 0.333}},
                                           {light.runs[3], {0.600, 0.667, 0.500}}};
    for (Rgb& run : d.runs)
        for (const auto& [from, to] : lighter)
            if (run == from)
                run = to;
    return d;
}

double rgbLuminance(const Rgb& c) {
    auto linear = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
}

double rgbContrast(const Rgb& a, const Rgb& b) {
    const double la = rgbLuminance(a), lb = rgbLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb colourAgainst(const Rgb& background, const Rgb& colour, double minRatio) {
    const double target = rgbLuminance(background) >= 0.18 ? 0.0 : 1.0; // 0.18: mid-grey
    Rgb moved = colour;
    for (int i = 1; i <= 64 && rgbContrast(moved, background) < minRatio; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            moved[j] = colour[j] + (target - colour[j]) * i / 64.0;
    return moved;
}

SceneLook SceneLook::withFontScale(double factor) const {
    SceneLook s = *this;
    for (double* font : {&s.titleFont, &s.fTitleFont, &s.tickFont, &s.colorBarFont})
        *font *= factor;
    s.fontScale *= factor;
    return s;
}

std::string compactNumber(double v, int digits) {
    const int p = std::clamp(digits, 1, 17);
    char text[64];
    if (!std::isfinite(v)) {
        std::snprintf(text, sizeof text, "%g", v);
        return text;
    }
    // The form is the rounded value's (9999.9 at three digits is 1.00e4, not "10000").
    std::snprintf(text, sizeof text, "%.*e", p - 1, v);
    std::string t = text;
    const std::size_t at = t.find('e');
    const int e = at == std::string::npos ? 0 : std::atoi(t.c_str() + at + 1);
    if (v == 0 || (e >= -3 && e < 4)) {
        // p significant digits: p - 1 - e decimals, trailing zeros (and a bare point)
        // dropped as %g does.
        std::snprintf(text, sizeof text, "%.*f", std::max(0, p - 1 - e), v);
        t = text;
        if (t.find('.') != std::string::npos) {
            while (t.back() == '0')
                t.pop_back();
            if (t.back() == '.')
                t.pop_back();
        }
        return t == "-0" ? "0" : t;
    }
    // m.mmeN: p digits in the mantissa, the exponent without "+" or zeros.
    return t.substr(0, at + 1) + std::to_string(e);
}

int significantDigits(double v, int most) {
    if (v == 0 || !std::isfinite(v))
        return 1;
    most = std::clamp(most, 1, 17); // 17 digits give every double back
    for (int p = 1; p < most; ++p) {
        char text[40];
        std::snprintf(text, sizeof text, "%.*g", p, v);
        if (std::abs(std::strtod(text, nullptr) - v) <= 1e-9 * std::abs(v))
            return p;
    }
    return most;
}

std::string compactNumber(double v) {
    return compactNumber(v, significantDigits(v, 3));
}

} // namespace gs
