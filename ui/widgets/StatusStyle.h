// SPDX-License-Identifier: MIT
#pragma once

#include "model/Job.h"

#include <QColor>
#include <QPalette>
#include <QString>

class QLabel;

namespace kms::ui::statusstyle {

// What a piece of status text says about its subject; the colour follows from it and the theme.
enum class Tone { Neutral, Ok, Warning, Error, Info };

// True for a palette whose windows are dark (our Dark theme, a dark system theme).
bool isDark(const QPalette &palette);
// The colour of text in the tone on the palette's window and base: deep shades on a light palette,
// light ones on a dark palette, so an error stays readable in either. Neutral: the palette's text.
QColor textColor(Tone tone, const QPalette &palette);
QColor textColor(Tone tone); // on the application's palette
// The fill behind white text (badges, status dots, card edges): one saturated shade on any theme.
QColor fillColor(Tone tone);

// Shows the label's text in the tone (bold when asked), and again after the theme changes.
void setTone(QLabel *label, Tone tone, bool bold = false);

Tone healthTone(const QString &status); // healthy / degraded / unhealthy; anything else Neutral
Tone jobTone(JobStatus status);         // queued Neutral, running Info, paused / cancelled Warning

} // namespace kms::ui::statusstyle
