// SPDX-License-Identifier: MIT
#include "TinyBert.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QtEndian>

#include "encoder/ModelError.h"

namespace kms::test {

namespace {

TinyBert make()
{
    TinyBert t;
    t.dir = std::make_unique<QTemporaryDir>();
    QProcess probe;
    probe.start(QStringLiteral(KMS_PYTHON3), {QStringLiteral("-c"), QStringLiteral("import numpy")});
    if (!probe.waitForFinished(60'000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0) {
        t.numpyMissing = true;
        t.error = QStringLiteral(KMS_PYTHON3 " cannot import numpy (install python3-numpy)");
        return t;
    }
    QProcess script;
    script.start(QStringLiteral(KMS_PYTHON3), {QStringLiteral(KMS_TINY_BERT_SCRIPT), t.dir->path()});
    if (!script.waitForFinished(120'000) || script.exitCode() != 0) {
        t.error = QStringLiteral("make_tiny_bert.py failed: ") + QString::fromUtf8(script.readAllStandardError());
        return t;
    }
    QFile f(t.dir->filePath(QStringLiteral("reference.json")));
    if (!f.open(QIODevice::ReadOnly)) {
        t.error = QStringLiteral("make_tiny_bert.py wrote no reference.json");
        return t;
    }
    t.reference = QJsonDocument::fromJson(f.readAll()).object();
    return t;
}

} // namespace

const TinyBert &tinyBert()
{
    static const TinyBert t = make();
    return t;
}

std::unique_ptr<QTemporaryDir> copyOfVariant(const QString &name)
{
    auto copy = std::make_unique<QTemporaryDir>();
    const QDir source(tinyBert().variant(name));
    QDirIterator it(source.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = QDir(copy->path()).filePath(source.relativeFilePath(from));
        QDir().mkpath(QFileInfo(to).path());
        QFile::copy(from, to);
    }
    return copy;
}

QString refusal(const std::function<void()> &f)
{
    try {
        f();
    } catch (const ModelError &e) {
        return e.message();
    }
    return QStringLiteral("<no error>");
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

void editSafetensorsHeader(const QString &path, const std::function<void(QJsonObject &)> &edit)
{
    const QByteArray bytes = readAll(path);
    const quint64 n = qFromLittleEndian<quint64>(bytes.constData());
    QJsonObject header = QJsonDocument::fromJson(bytes.mid(8, qsizetype(n))).object();
    edit(header);
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QByteArray out(8, '\0');
    qToLittleEndian<quint64>(quint64(json.size()), out.data());
    writeAll(path, out + json + bytes.mid(8 + qsizetype(n)));
}

void editJson(const QString &path, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject o = QJsonDocument::fromJson(readAll(path)).object();
    edit(o);
    writeAll(path, QJsonDocument(o).toJson());
}

} // namespace kms::test
