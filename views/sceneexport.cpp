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
    Display* d = XOpenDisplay(nullptr);
    if (!d)
        return false;
    XCloseDisplay(d);
    return true;
}

std::string exportImage(vtkRenderer* renderer, const std::string& path, const ImageExportOptions& o,
                        const std::function<void()>& prepare, ExportTeardown teardown) {
    if (std::string problem = validateImageExport(path, o); !problem.empty())
        return problem;
    if (!displayAvailable())
        return "no X display to render with (DISPLAY is not set or unreachable); run under "
               "xvfb-run -a";
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    // Smooth lines for slides: FXAA costs one cheap pass, where 8x MSAA on the software
    // renderer cost a quarter of a command-line export.
    window->SetMultiSamples(0);
    const bool fxaa = renderer->GetUseFXAA();
    renderer->UseFXAAOn();
    window->SetAlphaBitPlanes(o.transparent ? 1 : 0);
    window->SetSize(o.width, o.height);
    const double alpha = renderer->GetBackgroundAlpha();
    renderer->SetBackgroundAlpha(o.transparent ? 0.0 : 1.0);
    window->AddRenderer(renderer);
    if (prepare)
        prepare();
    window->Render();

    vtkNew<vtkWindowToImageFilter> grab;
    grab->SetInput(window);
    grab->SetInputBufferTypeToRGBA();
    if (!o.transparent)
        grab->SetInputBufferTypeToRGB();
    grab->ReadFrontBufferOff();
    grab->Update();

    vtkSmartPointer<vtkImageWriter> writer;
    if (extensionOf(path) == ".png") {
        auto png = vtkSmartPointer<vtkPNGWriter>::New();
        png->SetCompressionLevel(3); // files within 10% of level 5, written in half the time
        writer = png;
    } else
        writer = vtkSmartPointer<vtkJPEGWriter>::New();
    writer->SetFileName(path.c_str());
    writer->SetInputConnection(grab->GetOutputPort());
    writer->Write();
    const unsigned long error = writer->GetErrorCode();
    if (teardown == ExportTeardown::ProcessExits) {
        window->Register(nullptr); // deliberately never released: the process ends now
        return error != 0 ? "could not write '" + path + "'" : std::string();
    }

    window->RemoveRenderer(renderer);
    renderer->SetBackgroundAlpha(alpha);
    renderer->SetUseFXAA(fxaa);
    renderer->SetRenderWindow(nullptr);
    if (error != 0)
        return "could not write '" + path + "'";
    return {};
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
        return "no X display to render with (DISPLAY is not set or unreachable); run under "
               "xvfb-run -a";
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetMultiSamples(0);
    window->SetSize(o.width, o.height);
    const bool fxaa = renderer->GetUseFXAA();
    renderer->UseFXAAOn();
    window->AddRenderer(renderer);
    if (prepare)
        prepare();
    vtkNew<vtkWindowToImageFilter> grab;
    grab->SetInput(window);
    grab->SetInputBufferTypeToRGB();
    grab->ReadFrontBufferOff();
    vtkNew<vtkOggTheoraWriter> movie;
    vtkNew<vtkPNGWriter> png;
    png->SetCompressionLevel(3);
    std::string error;
    std::vector<RgbFrame> gifFrames;
    if (video) {
        movie->SetInputConnection(grab->GetOutputPort());
        movie->SetFileName(path.c_str());
        movie->SetRate(std::max(1, static_cast<int>(std::lround(fps))));
        movie->SetQuality(2);
        movie->Start();
    }
    for (int k = 0; k < frames && error.empty(); ++k) {
        showFrame(k);
        window->Render();
        grab->Modified();
        if (video) {
            movie->Write();
            if (movie->GetError())
                error = "could not write the video '" + path + "'";
        } else if (gif) {
            grab->Update();
            vtkImageData* img = grab->GetOutput();
            RgbFrame frame{o.width, o.height, {}};
            frame.rgb.resize(std::size_t(o.width) * o.height * 3);
            const auto* src = static_cast<const std::uint8_t*>(img->GetScalarPointer());
            const std::size_t row = std::size_t(o.width) * 3;
            for (int y = 0; y < o.height; ++y) // VTK's rows run bottom to top
                std::copy_n(src + std::size_t(o.height - 1 - y) * row, row,
                            frame.rgb.data() + std::size_t(y) * row);
            gifFrames.push_back(std::move(frame));
        } else {
            char name[32];
            std::snprintf(name, sizeof name, "frame_%04d.png", k);
            const std::string file = (fs::path(path) / name).string();
            png->SetInputConnection(grab->GetOutputPort());
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
    window->RemoveRenderer(renderer);
    renderer->SetUseFXAA(fxaa);
    renderer->SetRenderWindow(nullptr);
    return error;
}

} // namespace gs
