#include "sessioncontroller.h"
#include "filedialogs.h"

#include "document.h"
#include "optimizerpanel.h"
#include "surfaceview.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QUndoStack>
#include <cmath>

namespace gs {

namespace {

QJsonArray triple(const std::array<double, 3>& v) {
    return {v[0], v[1], v[2]};
}

/// A list of three finite numbers at `key` of `o`, or a message naming `where.key`.
QString readTriple(const QJsonObject& o, const char* key, const QString& where,
                   std::array<double, 3>& out) {
    const QString at = where + u'.' + QLatin1String(key);
    if (!o.contains(QLatin1String(key)))
        return QStringLiteral("%1: missing").arg(at);
    const QJsonArray a = o.value(QLatin1String(key)).toArray();
    if (!o.value(QLatin1String(key)).isArray() || a.size() != 3)
        return QStringLiteral("%1: expected a list of 3 numbers").arg(at);
    for (int i = 0; i < 3; ++i) {
        if (!a[i].isDouble() || !std::isfinite(a[i].toDouble()))
            return QStringLiteral("%1[%2]: expected a number").arg(at).arg(i);
        out[std::size_t(i)] = a[i].toDouble();
    }
    return {};
}

QString readNumber(const QJsonObject& o, const char* key, const QString& where, double lo,
                   double hi, double& out) {
    if (!o.contains(QLatin1String(key)))
        return {}; // optional: the default stays
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble() || !(v.toDouble() > lo && v.toDouble() < hi))
        return QStringLiteral("%1.%2: expected a number above %3 and below %4")
            .arg(where, QLatin1String(key))
            .arg(lo)
            .arg(hi);
    out = v.toDouble();
    return {};
}

} // namespace

QJsonObject surfaceViewsBlock(const CameraState& s) {
    const QJsonObject camera{
        {QStringLiteral("position"), triple(s.position)},
        {QStringLiteral("focal_point"), triple(s.focalPoint)},
        {QStringLiteral("view_up"), triple(s.viewUp)},
        {QStringLiteral("view_angle"), s.viewAngle},
        {QStringLiteral("parallel_scale"), s.parallelScale},
        {QStringLiteral("parallel_projection"), s.parallelProjection},
    };
    QJsonObject surface{{QStringLiteral("camera"), camera}};
    if (s.viewSize[0] > 0 && s.viewSize[1] > 0)
        surface.insert(QStringLiteral("view_size"), QJsonArray{s.viewSize[0], s.viewSize[1]});
    return {{QStringLiteral("surface"), surface}};
}

std::optional<CameraState> surfaceCamera(const QJsonObject& views, QString* error) {
    const QJsonValue surface = views.value(QLatin1String("surface"));
    if (surface.isUndefined())
        return std::nullopt;
    const QString where = QStringLiteral("views.surface.camera");
    const QJsonValue camera = surface.toObject().value(QLatin1String("camera"));
    if (!surface.isObject() || camera.isUndefined()) {
        if (!surface.isObject())
            *error = QStringLiteral("views.surface: expected an object");
        return std::nullopt;
    }
    if (!camera.isObject()) {
        *error = where + QStringLiteral(": expected an object");
        return std::nullopt;
    }
    const QJsonObject o = camera.toObject();
    CameraState s;
    QString e = readTriple(o, "position", where, s.position);
    if (e.isEmpty())
        e = readTriple(o, "focal_point", where, s.focalPoint);
    if (e.isEmpty())
        e = readTriple(o, "view_up", where, s.viewUp);
    if (e.isEmpty())
        e = readNumber(o, "view_angle", where, 0, 180, s.viewAngle);
    if (e.isEmpty())
        e = readNumber(o, "parallel_scale", where, 0, 1e300, s.parallelScale);
    if (e.isEmpty() && o.contains(QLatin1String("parallel_projection"))) {
        if (!o.value(QLatin1String("parallel_projection")).isBool())
            e = where + QStringLiteral(".parallel_projection: expected true or false");
        s.parallelProjection = o.value(QLatin1String("parallel_projection")).toBool();
    }
    // A camera must look somewhere, with an up that is not along the line of sight.
    if (e.isEmpty()) {
        const std::array<double, 3> d{s.focalPoint[0] - s.position[0],
                                      s.focalPoint[1] - s.position[1],
                                      s.focalPoint[2] - s.position[2]};
        const std::array<double, 3> x{d[1] * s.viewUp[2] - d[2] * s.viewUp[1],
                                      d[2] * s.viewUp[0] - d[0] * s.viewUp[2],
                                      d[0] * s.viewUp[1] - d[1] * s.viewUp[0]};
        if (d[0] == 0 && d[1] == 0 && d[2] == 0)
            e = where + QStringLiteral(": the position is the focal point");
        else if (x[0] == 0 && x[1] == 0 && x[2] == 0)
            e = where + QStringLiteral(": view_up is along the line of sight");
    }
    // The size of the view it was seen in (since 0.9; optional): two positive numbers.
    if (e.isEmpty() && surface.toObject().contains(QLatin1String("view_size"))) {
        const QJsonValue v = surface.toObject().value(QLatin1String("view_size"));
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 2 || !a[0].isDouble() || !a[1].isDouble() ||
            !(a[0].toDouble() > 0 && a[0].toDouble() < 1e9) ||
            !(a[1].toDouble() > 0 && a[1].toDouble() < 1e9))
            e = QStringLiteral("views.surface.view_size: expected two numbers above 0 (width "
                               "and height in pixels)");
        else
            s.viewSize = {a[0].toDouble(), a[1].toDouble()};
    }
    if (!e.isEmpty()) {
        *error = e;
        return std::nullopt;
    }
    return s;
}

SessionController::SessionController(QMainWindow* window, Document* doc, SurfaceView* view,
                                     OptimizerPanel* optimizers)
    : QObject(window)
    , m_window(window)
    , m_doc(doc)
    , m_view(view)
    , m_optimizers(optimizers) {
    connect(m_doc->undoStack(), &QUndoStack::cleanChanged, this,
            &SessionController::updateModifiedMark);
    connect(m_doc, &Document::changed, this, &SessionController::updateModifiedMark);
    m_window->installEventFilter(this);
    updateTitle();
}

void SessionController::addFileActions(QMenu* file) {
    QAction* first = file->actions().value(0);
    auto* open = new QAction(tr("&Open Session…"), file);
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &SessionController::open);
    m_recent = new QMenu(tr("Open &Recent"), file);
    m_recent->setObjectName(QStringLiteral("recentSessions"));
    connect(m_recent, &QMenu::aboutToShow, this, &SessionController::fillRecentMenu);
    auto* save = new QAction(tr("&Save Session"), file);
    save->setShortcut(QKeySequence::Save);
    connect(save, &QAction::triggered, this, &SessionController::save);
    auto* saveAs = new QAction(tr("Save Session &As…"), file);
    saveAs->setShortcut(QKeySequence::SaveAs);
    connect(saveAs, &QAction::triggered, this, &SessionController::saveAs);
    file->insertAction(first, open);
    file->insertMenu(first, m_recent);
    file->insertAction(first, save);
    file->insertAction(first, saveAs);
    file->insertSeparator(first);
    fillRecentMenu(); // so the menu is enabled only when it has entries
}

Session SessionController::currentSession() const {
    Session s;
    s.settings = m_doc->settings();
    // The camera the person sees (or, the view not sized yet, the one it will show).
    s.views = surfaceViewsBlock(m_view->shownCamera());
    s.views.insert(
        QStringLiteral("optimizer"),
        QJsonObject{{QStringLiteral("start_at_point"), m_optimizers->startAtExpansionPoint()}});
    s.appVersion = QCoreApplication::applicationVersion();
    return s;
}

std::optional<bool> optimizerStartAtPoint(const QJsonObject& views, QString* error) {
    const QJsonValue optimizer = views.value(QLatin1String("optimizer"));
    if (optimizer.isUndefined())
        return std::nullopt;
    if (!optimizer.isObject()) {
        *error = QStringLiteral("views.optimizer: expected an object");
        return std::nullopt;
    }
    const QJsonValue start = optimizer.toObject().value(QLatin1String("start_at_point"));
    if (start.isUndefined())
        return std::nullopt;
    if (!start.isBool()) {
        *error = QStringLiteral("views.optimizer.start_at_point: expected true or false");
        return std::nullopt;
    }
    return start.toBool();
}

QString SessionController::openFile(const QString& path) {
    const SessionRead r = readSession(path);
    QString error = r.error;
    std::optional<CameraState> camera;
    if (r.session) {
        camera = surfaceCamera(r.session->views, &error);
        if (error.isEmpty())
            optimizerStartAtPoint(r.session->views, &error);
        if (!error.isEmpty())
            error = QFileInfo(path).fileName() + QStringLiteral(": ") + error;
    }
    if (error.isEmpty()) {
        // The reader validated the settings as the document does, so this applies.
        error = m_doc->change(r.session->settings, tr("Open session"));
    }
    if (!error.isEmpty()) {
        QSettings store;
        recentSessions::remove(store, path);
        if (m_recent)
            fillRecentMenu();
        return error;
    }
    m_doc->undoStack()->clear(); // opening is not an undoable step; the document is clean
    adopt(path, *r.session);
    return {};
}

void SessionController::adopt(const QString& path, const Session& session) {
    QString ignored;
    if (const auto camera = surfaceCamera(session.views, &ignored))
        m_view->restoreCamera(*camera);
    // "Add run" then repeats the session's first run, as after an example.
    if (!session.settings.runs.empty())
        m_optimizers->setRun(session.settings.runs.front(), m_doc->settings().point);
    // "Start at x₀" as saved (tester 8, item 12); an older file keeps what setRun chose.
    if (const auto atPoint = optimizerStartAtPoint(session.views, &ignored))
        m_optimizers->setStartAtExpansionPoint(*atPoint);
    setCurrentFile(path);
}

QString SessionController::saveFile(const QString& path) {
    if (QString error = writeSession(path, currentSession()); !error.isEmpty())
        return error;
    m_doc->undoStack()->setClean();
    setCurrentFile(path);
    return {};
}

void SessionController::forgetFile() {
    m_file.clear();
    updateTitle();
}

void SessionController::setReproducible(const Settings& settings) {
    m_reproducible = settings;
    updateModifiedMark();
}

bool SessionController::hasUnsavedWork() const {
    if (m_doc->undoStack()->isClean())
        return false;
    return !(m_file.isEmpty() && m_reproducible && m_doc->settings() == *m_reproducible);
}

void SessionController::updateModifiedMark() {
    m_window->setWindowModified(hasUnsavedWork());
}

void SessionController::open() {
    if (!maybeSave())
        return;
    // The open session's folder, else the last session's (Open Recent's first), else home.
    const QString dir =
        startFolder(m_file.isEmpty() ? recentSessions::load(QSettings()).value(0) : m_file, {});
    const QString path = openFileName(m_window, tr("Open Session"), dir,
                                      tr("gradscape sessions (*.gradscape);;All files (*)"));
    if (!path.isEmpty())
        openWithMessage(path);
}

void SessionController::openWithMessage(const QString& path) {
    if (const QString error = openFile(path); !error.isEmpty())
        QMessageBox::warning(
            m_window, tr("Open Session"),
            tr("The session could not be opened; nothing was changed.\n\n%1").arg(error));
}

bool SessionController::save() {
    if (m_file.isEmpty())
        return saveAs();
    if (const QString error = saveFile(m_file); !error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Save Session"), error);
        return false;
    }
    return true;
}

bool SessionController::saveAs() {
    const QString dir = m_file.isEmpty()
                            ? QDir(startFolder(recentSessions::load(QSettings()).value(0), {}))
                                  .filePath(QStringLiteral("untitled.gradscape"))
                            : m_file;
    QString path =
        saveFileName(m_window, tr("Save Session As"), dir, tr("gradscape sessions (*.gradscape)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".") + QLatin1String(kSessionSuffix);
    if (const QString error = saveFile(path); !error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Save Session"), error);
        return false;
    }
    return true;
}

bool SessionController::maybeSave() {
    // An example opened and not edited is not work: the Examples menu gives it again.
    if (!hasUnsavedWork())
        return true;
    QMessageBox box(
        QMessageBox::Warning, tr("Unsaved Changes"),
        m_file.isEmpty()
            ? tr("This session has not been saved. Save it?")
            : tr("“%1” has unsaved changes. Save them?").arg(QFileInfo(m_file).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("unsavedChanges"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool SessionController::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::Close && !maybeSave()) {
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void SessionController::setCurrentFile(const QString& path) {
    m_file = QFileInfo(path).absoluteFilePath();
    m_reproducible.reset();
    QSettings store;
    recentSessions::add(store, m_file);
    if (m_recent)
        fillRecentMenu();
    updateTitle();
}

void SessionController::updateTitle() {
    // "[*]" is where Qt shows the unsaved-changes mark (setWindowModified).
    m_window->setWindowFilePath(m_file);
    m_window->setWindowTitle(
        m_file.isEmpty() ? QStringLiteral("gradscape[*]")
                         : QStringLiteral("%1[*] — gradscape").arg(QFileInfo(m_file).fileName()));
    updateModifiedMark();
}

void SessionController::fillRecentMenu() {
    m_recent->clear();
    const QStringList files = recentSessions::load(QSettings());
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction* a = m_recent->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setStatusTip(path);
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openWithMessage(path);
        });
    }
    m_recent->setEnabled(!files.isEmpty());
}

} // namespace gs
