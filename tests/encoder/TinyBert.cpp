// SPDX-License-Identifier: MIT
#include "TinyBert.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

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

} // namespace kms::test
