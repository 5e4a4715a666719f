#include "gifwriter.h"

#include <Magick++.h>
#include <mutex>

namespace gs {

std::string writeAnimatedGif(const std::vector<RgbFrame>& frames, const std::string& path,
                             int delayCentiseconds) {
    static std::once_flag init;
    std::call_once(init, [] { Magick::InitializeMagick(nullptr); });
    try {
        std::vector<Magick::Image> images;
        images.reserve(frames.size());
        for (const RgbFrame& f : frames) {
            Magick::Image image(static_cast<std::size_t>(f.width),
                                static_cast<std::size_t>(f.height), "RGB", Magick::CharPixel,
                                f.rgb.data());
            image.animationDelay(static_cast<std::size_t>(delayCentiseconds));
            image.animationIterations(0); // loop forever
            image.gifDisposeMethod(Magick::NoneDispose);
            images.push_back(std::move(image));
        }
        Magick::writeImages(images.begin(), images.end(), path);
    } catch (const Magick::Exception& e) {
        return "could not write '" + path + "': " + e.what();
    }
    return {};
}

} // namespace gs
