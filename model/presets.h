#pragma once
// Ready-made scenes from the book and classic optimization examples, read from
// resources/presets.json (compiled in as a Qt resource).

#include "document.h"

#include <QString>
#include <vector>

namespace gs {

struct Preset {
    QString name;
    Settings settings;
    QString view; ///< the view it opens besides the 3-D one ("graph"), or empty
    /// Matrix calculus: the closed form of the gradient the book gives ("(A + A') * x")
    /// and the input it is taken with respect to ("x"); empty for other presets.
    QString closedForm, withRespectTo;
    /// An exercise: the closed form is the book's answer, not shown; the person types one.
    bool exercise = false;
};

/// The presets, each applied on top of default settings. Malformed entries are skipped.
std::vector<Preset> loadPresets();

} // namespace gs
