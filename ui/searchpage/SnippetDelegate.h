// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

class QTextDocument;

namespace kms::ui {

// Draws a snippet cell as rich text: matched words bold on a highlight, everything else escaped
// (snippetToHtml). Reads the marked text from `markedRole`; one line, clipped to the cell.
class SnippetDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SnippetDelegate(int markedRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The HTML a cell is drawn from (tests check its escaping).
    QString html(const QModelIndex &index, const QPalette &palette) const;

private:
    void prepare(QTextDocument &doc, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    int m_markedRole;
};

} // namespace kms::ui
