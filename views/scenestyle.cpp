#include "scenestyle.h"

namespace gs {

namespace {

SceneLook& currentLook() {
    static SceneLook look;
    return look;
}

} // namespace

const SceneLook& sceneLook() {
    return currentLook();
}

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
    d.newtonModel = {0.80, 0.80, 0.80};
    return d;
}

SceneLook SceneLook::withFontScale(double factor) const {
    SceneLook s = *this;
    for (double* font : {&s.titleFont, &s.fTitleFont, &s.tickFont, &s.colorBarFont})
        *font *= factor;
    s.fontScale *= factor;
    return s;
}

} // namespace gs
