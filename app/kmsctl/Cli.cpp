// SPDX-License-Identifier: MIT
#include "Cli.h"

#include "engine/Engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>
#include <unistd.h>

namespace kms::cli {

void out(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void printJson(const QJsonValue &value)
{
    QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed());
}

bool stdoutIsTerminal()
{
    return isatty(fileno(stdout)) != 0;
}

QString humanCount(double n)
{
    return QLocale(QLocale::English).toString(qint64(n));
}

QString humanBytes(double bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (bytes >= 1024 && u < 4) {
        bytes /= 1024;
        ++u;
    }
    return u == 0 ? QStringLiteral("%1 B").arg(qint64(bytes))
                  : QStringLiteral("%1 %2").arg(bytes, 0, 'f', 1).arg(QLatin1String(units[u]));
}

QString humanDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const auto s = qint64(seconds + 0.5);
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60);
    return QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60);
}

std::unique_ptr<Engine> openEngine(const Context &ctx, bool startSampler, bool readOnlyBesideOwner, bool indexAtOpen)
{
    Engine::Options o;
    o.indexLoading = indexAtOpen ? Engine::Options::IndexLoading::AtOpen : Engine::Options::IndexLoading::OnFirstUse;
    o.dataDirectory = Engine::resolveDataDirectory(ctx.dataDir);
    o.startSampler = startSampler;
    o.readOnlyBesideOwner = readOnlyBesideOwner;
    QString error;
    auto engine = Engine::open(o, &error);
    if (!engine) {
        err(QStringLiteral("kmsctl: %1").arg(error));
        return nullptr;
    }
    for (const QString &w : engine->warnings())
        err(QStringLiteral("kmsctl: warning: %1").arg(w));
    const EngineStatus status = engine->status();
    if (!status.readOnlyBeside.isEmpty())
        err(QStringLiteral("kmsctl: note: data directory %1 is in use by %2; this is a read-only view of what it "
                           "has committed (nothing is written)")
                .arg(status.dataDirectory, status.readOnlyBeside));
    return engine;
}

void printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QString &h : header)
        widths.append(int(h.size()));
    for (const QStringList &r : rows)
        for (int i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], int(std::min<qsizetype>(r[i].size(), 60)));
    auto line = [&](const QStringList &cells) {
        QString s;
        for (int i = 0; i < cells.size(); ++i) {
            QString c = cells[i];
            if (c.size() > 60 && i + 1 < cells.size())
                c = c.left(57) + QStringLiteral("...");
            s += c.leftJustified(widths[i]) + (i + 1 < cells.size() ? QStringLiteral("  ") : QString());
        }
        out(s.trimmed());
    };
    line(header);
    for (const QStringList &r : rows)
        line(r);
}

} // namespace kms::cli
