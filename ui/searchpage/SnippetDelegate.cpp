// SPDX-License-Identifier: MIT
#include "searchpage/SnippetDelegate.h"

#include "searchpage/SnippetHtml.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>
#include <QTextOption>

#include <cmath>

namespace kms::ui {

SnippetDelegate::SnippetDelegate(int markedRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_markedRole(markedRole)
{
}

QString SnippetDelegate::html(const QModelIndex &index, const QPalette &palette) const
{
    return snippetToHtml(index.data(m_markedRole).toString(), matchBackground(palette.color(QPalette::Base)));
}

void SnippetDelegate::prepare(QTextDocument &doc, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    doc.setDefaultTextOption(textOption);
    doc.setHtml(html(index, option.palette));
}

void SnippetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The style draws the background, focus and selection; we draw the text.
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QTextDocument doc;
    prepare(doc, opt, index);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    context.palette.setColor(QPalette::Text, opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->save();
    const qreal top = textRect.top() + (textRect.height() - doc.size().height()) / 2.0;
    painter->translate(textRect.left(), top);
    const QRectF clip(0, 0, textRect.width(), doc.size().height());
    painter->setClipRect(clip);
    context.clip = clip;
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SnippetDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QTextDocument doc;
    prepare(doc, opt, index);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {int(std::ceil(doc.idealWidth())) + 8, std::max(base.height(), int(std::ceil(doc.size().height())) + 4)};
}

} // namespace kms::ui
