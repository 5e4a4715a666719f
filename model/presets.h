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
};

/// The presets, each applied on top of default settings. Malformed entries are skipped.
std::vector<Preset> loadPresets();

} // namespace gs
