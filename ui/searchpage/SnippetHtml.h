// SPDX-License-Identifier: MIT
#pragma once

#include "search/Snippet.h"

#include <QColor>
#include <QList>
#include <QString>

namespace kms::ui {

// Rich text for views from engine text. Everything taken from a record is HTML-escaped; only the
// marks we add are markup, so a record containing "<script>" or "&amp;" shows exactly that text.

// The engine's snippet (matched words between [[ and ]]) as HTML: matches bold on `highlight`.
// An unclosed "[[" is shown as typed.
QString snippetToHtml(const QString &marked, const QColor &highlight);

// The snippet without its markers, for the display role, copying and screen readers.
QString snippetToPlain(const QString &marked);

// A whole text with the given word spans marked; newlines become line breaks.
QString spansToHtml(const QString &text, const QList<TextSpan> &spans, const QColor &highlight);

// A match background that reads on both light and dark palettes.
QColor matchBackground(const QColor &base);

} // namespace kms::ui
