#pragma once
// Plays optimizer runs step by step: which iterate is on screen, and a timer that
// advances it. View state, not document state: playing is not an undoable edit.

#include <QObject>

class QTimer;

namespace gs {

class Animator : public QObject {
    Q_OBJECT
public:
    explicit Animator(QObject* parent = nullptr);

    int frame() const { return m_frame; }
    int length() const { return m_length; }
    bool playing() const;
    double speed() const { return m_speed; }

    /// The number of steps of the longest run. Shows every path whole until played.
    void setLength(int steps);

public slots:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    /// Shows iterate `frame` (clamped to 0..length), paused.
    void setFrame(int frame);
    void reset();
    void setSpeed(double stepsPerSecond);

signals:
    void frameChanged(int frame);
    void playingChanged(bool playing);

private:
    void advance();

    QTimer* m_timer;
    int m_frame = 0;
    int m_length = 0;
    double m_speed = 8.0;
};

} // namespace gs
