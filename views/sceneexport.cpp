#include "sceneexport.h"

#include "gifwriter.h"

#include <X11/Xlib.h>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unistd.h>
#include <vtkImageData.h>
#include <vtkImageWriter.h>
#include <vtkJPEGWriter.h>
#include <vtkOggTheoraWriter.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkWindowToImageFilter.h>

namespace gs {

namespace {

std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

const char* kNoDisplay =
    "no X display to render with (DISPLAY is not set or unreachable); run under xvfb-run -a";

// A renderer borrowed into an off-screen window of the export's size, with its
// settings restored when it is given back.
class OffscreenTarget {
public:
    OffscreenTarget(vtkRenderer* renderer, const ImageExportOptions& o)
        : m_renderer(renderer)
        , m_fxaa(renderer->GetUseFXAA())
        , m_alpha(renderer->GetBackgroundAlpha()) {
        m_window->SetOffScreenRendering(1);
        // Smooth lines for slides: FXAA costs one cheap pass, where 8x MSAA on the software
        // renderer cost a quarter of a command-line export.
        m_window->SetMultiSamples(0);
        m_window->SetAlphaBitPlanes(o.transparent ? 1 : 0);
        m_window->SetSize(o.width, o.height);
        renderer->UseFXAAOn();
        renderer->SetBackgroundAlpha(o.transparent ? 0.0 : 1.0);
        m_window->AddRenderer(renderer);
        m_grab->SetInput(m_window);
        if (o.transparent)
            m_grab->SetInputBufferTypeToRGBA();
        else
            m_grab->SetInputBufferTypeToRGB();
        m_grab->ReadFrontBufferOff();
        m_grab->ShouldRerenderOff(); // renderFrame() has just rendered: not twice (-50 ms)
    }
    ~OffscreenTarget() {
        if (m_kept)
            return;
        m_window->RemoveRenderer(m_renderer);
        m_renderer->SetBackgroundAlpha(m_alpha);
        m_renderer->SetUseFXAA(m_fxaa);
        m_renderer->SetRenderWindow(nullptr);
    }
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    /// Renders and makes the picture the grab filter's output.
    vtkWindowToImageFilter* renderFrame() {
        m_window->Render();
        m_grab->Modified();
        m_grab->Update();
        return m_grab;
    }
    /// Keeps the window and its GL resources: the process is about to end.
    void keepForExit() {
        m_kept = true;
        m_window->Register(nullptr);
    }

private:
    vtkRenderer* m_renderer;
    bool m_fxaa;
    double m_alpha;
    bool m_kept = false;
    vtkNew<vtkRenderWindow> m_window;
    vtkNew<vtkWindowToImageFilter> m_grab;
};

} // namespace

std::string validateImageExport(const std::string& path, const ImageExportOptions& o) {
    const std::string ext = extensionOf(path);
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg")
        return "'" + path + "': the file name must end in .png, .jpg or .jpeg";
    if (o.transparent && ext != ".png")
        return "a transparent background needs PNG; JPEG has no alpha channel";
    if (o.width < 16 || o.height < 16 || o.width > kMaxExportSide || o.height > kMaxExportSide)
        return "image size " + std::to_string(o.width) + "x" + std::to_string(o.height) +
               " is out of range (16 to " + std::to_string(kMaxExportSide) + " pixels a side)";
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (folder.empty())
        folder = ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return "cannot write '" + path + "': the folder '" + folder.string() + "' does not exist";
    if (::access(folder.c_str(), W_OK) != 0)
        return "cannot write '" + path + "': the folder '" + folder.string() + "' is not writable";
    if (std::filesystem::is_directory(path, ec))
        return "cannot write '" + path + "': it is a folder";
    return {};
}

bool displayAvailable() {
    // The probe's connection stays open for the life of the process: an X server without
    // -noreset (Xvfb's default) resets when its last client leaves, and a render window
    // connecting during that reset is refused ("bad X server connection") and VTK aborts.
    // Closing the probe right before VTK connects made that happen in about one case in five
    // (docs/platform.md).
    static Display* const probe = XOpenDisplay(nullptr);
    return probe != nullptr;
}

std::string exportImage(vtkRenderer* renderer, const std::string& path, const ImageExportOptions& o,
                        const std::function<void()>& prepare, ExportTeardown teardown) {
    if (std::string problem = validateImageExport(path, o); !problem.empty())
        return problem;
    if (!displayAvailable())
        return kNoDisplay;
    OffscreenTarget target(renderer, o);
    if (prepare)
        prepare();
    vtkWindowToImageFilter* picture = target.renderFrame();
    vtkSmartPointer<vtkImageWriter> writer;
    if (extensionOf(path) == ".png") {
        auto png = vtkSmartPointer<vtkPNGWriter>::New();
        png->SetCompressionLevel(3); // files within 10% of level 5, written in half the time
        writer = png;
    } else {
        writer = vtkSmartPointer<vtkJPEGWriter>::New();
    }
    writer->SetFileName(path.c_str());
    writer->SetInputConnection(picture->GetOutputPort());
    writer->Write();
    if (teardown == ExportTeardown::ProcessExits)
        target.keepForExit();
    return writer->GetErrorCode() != 0 ? "could not write '" + path + "'" : std::string();
}

std::string exportAnimation(vtkRenderer* renderer, const std::string& path,
                            const ImageExportOptions& o, int frames, double fps,
                            const std::function<void(int)>& showFrame,
                            const std::function<void()>& prepare) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool video = extensionOf(path) == ".ogv";
    const bool gif = extensionOf(path) == ".gif";
    if (!video && !gif && !fs::is_directory(path, ec))
        return "'" + path +
               "' is neither a folder (for PNG frames), a .ogv file (video) nor a "
               ".gif file (animated GIF)";
    ImageExportOptions check = o;
    check.transparent = false;
    if (const std::string problem =
            validateImageExport(video || gif ? fs::path(path).replace_extension(".png").string()
                                             : (fs::path(path) / "f.png").string(),
                                check);
        !problem.empty())
        return problem;
    if (video && (o.width % 2 || o.height % 2))
        return "video frames need an even width and height";
    if (frames < 1)
        return "nothing to animate: add an optimizer run first";
    if (!displayAvailable())
        return kNoDisplay;
    OffscreenTarget target(renderer, o);
    if (prepare)
        prepare();
    vtkNew<vtkOggTheoraWriter> movie;
    vtkNew<vtkPNGWriter> png;
    png->SetCompressionLevel(3);
    std::string error;
    std::vector<RgbFrame> gifFrames;
    for (int k = 0; k < frames && error.empty(); ++k) {
        showFrame(k);
        vtkWindowToImageFilter* picture = target.renderFrame();
        if (video) {
            if (k == 0) {
                movie->SetInputConnection(picture->GetOutputPort());
                movie->SetFileName(path.c_str());
                movie->SetRate(std::max(1, static_cast<int>(std::lround(fps))));
                movie->SetQuality(2);
                movie->Start();
            }
            movie->Write();
            if (movie->GetError())
                error = "could not write the video '" + path + "'";
        } else if (gif) {
            RgbFrame frame{o.width, o.height, {}};
            frame.rgb.resize(std::size_t(o.width) * o.height * 3);
            const auto* src =
                static_cast<const std::uint8_t*>(picture->GetOutput()->GetScalarPointer());
            const std::size_t row = std::size_t(o.width) * 3;
            for (int y = 0; y < o.height; ++y) // VTK's rows run bottom to top
                std::copy_n(src + std::size_t(o.height - 1 - y) * row, row,
                            frame.rgb.data() + std::size_t(y) * row);
            gifFrames.push_back(std::move(frame));
        } else {
            char name[32];
            std::snprintf(name, sizeof name, "frame_%04d.png", k);
            const std::string file = (fs::path(path) / name).string();
            png->SetInputConnection(picture->GetOutputPort());
            png->SetFileName(file.c_str());
            png->Write();
            if (png->GetErrorCode() != 0)
                error = "could not write '" + file + "'";
        }
    }
    if (video)
        movie->End();
    if (gif && error.empty())
        error = writeAnimatedGif(gifFrames, path,
                                 std::max(2, static_cast<int>(std::lround(100 / fps))));
    return error;
}

} // namespace gs
