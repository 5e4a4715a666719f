#pragma once
// The playback buttons' icons, drawn in the palette's button text colour: the style's own
// media icons are dark grey pixmaps, faint on the dark theme's buttons (tester s19b).

#include <QIcon>
#include <QPalette>

namespace gs {

enum class MediaIcon { Play, Pause, StepForward, StepBack, Restart };

/// The icon in `palette`'s ButtonText colour, greyed as the palette greys text when disabled.
QIcon mediaIcon(MediaIcon kind, const QPalette& palette);

} // namespace gs
