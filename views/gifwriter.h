#pragma once
// Animated GIF writing through ImageMagick's Magick++ (colour quantization and LZW are
// its job). Kept apart from VTK: the two sets of headers do not mix well.

#include <cstdint>
#include <string>
#include <vector>

namespace gs {

struct RgbFrame {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb; ///< rows top to bottom, 3 bytes a pixel
};

/// Writes `frames` as a looping animated GIF with `delayCentiseconds` per frame.
/// Returns an empty string or the message.
std::string writeAnimatedGif(const std::vector<RgbFrame>& frames, const std::string& path,
                             int delayCentiseconds);

} // namespace gs
