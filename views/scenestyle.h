#pragma once
// How the 3-D scene looks: what is shown (SceneStyle, chosen by the person) and the style
// numbers (SceneLook: colours, fonts, line widths, sizes), kept in one place so every
// piece of the scene and every export draws with the same values.

#include <array>

namespace gs {

using Rgb = std::array<double, 3>;

/// What the person chose to see.
struct SceneStyle {
    bool showTangent = true;
    bool showQuadratic = true;
    bool showGradient = true;
    bool shaded = false;     ///< shaded surface coloured by height, with a colour bar
    int wireLines = 21;      ///< wire lines per axis drawn through the finely sampled surface
    double pixelScale = 1.0; ///< fonts and line widths, for exports larger than the window

    bool operator==(const SceneStyle&) const = default;
};

/// The style numbers. Sizes in pixels at pixelScale 1; lengths as fractions of the box's width.
struct SceneLook {
    // Lecture-ready colours on white: the book's matplotlib blue and purple.
    Rgb ink{0.13, 0.13, 0.16};
    Rgb surface{0.12, 0.47, 0.71};
    Rgb quadratic{0.50, 0.0, 0.50};
    Rgb tangent{1.0, 0.82, 0.50};
    Rgb tangentEdge{0.90, 0.55, 0.10};
    Rgb ascent{0.84, 0.15, 0.16};
    Rgb descent{0.17, 0.63, 0.17};
    Rgb marker{0.85, 0.10, 0.10};
    Rgb newtonModel{0.55, 0.27, 0.07};

    double titleFont = 20, fTitleFont = 16, tickFont = 13, colorBarFont = 12;
    double wireWidth = 1.2, quadraticWidth = 1.6, tangentEdgeWidth = 0.5, axisWidth = 1;
    double pathWidth = 3, pathPointSize = 6, newtonWidth = 1.4;

    double markerDiameter = 0.06, ballDiameter = 0.045, arrowLength = 0.3, fTick = 0.025;
    /// The box is this tall relative to its wider side, whatever the units of f.
    double boxHeight = 0.8;
};

/// The one look of gradscape's scenes.
inline const SceneLook& sceneLook() {
    static const SceneLook look;
    return look;
}

/// The colour of the i-th optimizer run (a qualitative palette that avoids the surface's blue).
Rgb runColor(int i);

} // namespace gs
