#include "animator.h"

#include <QTimer>
#include <algorithm>
#include <cmath>

namespace gs {

Animator::Animator(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this)) {
    connect(m_timer, &QTimer::timeout, this, &Animator::advance);
    setSpeed(m_speed);
}

bool Animator::playing() const {
    return m_timer->isActive();
}

void Animator::setLength(int steps) {
    m_length = std::max(0, steps);
    pause();
    m_frame = m_length; // new runs appear whole
    emit frameChanged(m_frame);
}

void Animator::play() {
    if (m_frame >= m_length) // from the end, play again from the start
        m_frame = 0;
    emit frameChanged(m_frame);
    m_timer->start();
    emit playingChanged(true);
}

void Animator::pause() {
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    emit playingChanged(false);
}

void Animator::togglePlay() {
    playing() ? pause() : play();
}

void Animator::stepForward() {
    pause();
    if (m_frame >= m_length)
        m_frame = -1; // wrap: the next step shows the start
    advance();
}

void Animator::setFrame(int frame) {
    pause();
    m_frame = std::clamp(frame, 0, m_length);
    emit frameChanged(m_frame);
}

void Animator::reset() {
    pause();
    m_frame = 0;
    emit frameChanged(m_frame);
}

void Animator::setSpeed(double stepsPerSecond) {
    m_speed = std::clamp(stepsPerSecond, 0.5, 120.0);
    m_timer->setInterval(static_cast<int>(std::lround(1000.0 / m_speed)));
}

void Animator::advance() {
    m_frame = std::min(m_frame + 1, m_length);
    emit frameChanged(m_frame);
    if (m_frame >= m_length)
        pause();
}

} // namespace gs
