// SPDX-License-Identifier: MIT
// Distributed embedding from the engine's side: the hook a job uses to reach the workers, and the
// list of workers for `kmsctl workers`, the dashboard and health.
#include "engine/Engine.h"

#include "distributed/RedisClient.h"
#include "distributed/RedisUrl.h"

namespace kms {

std::function<std::shared_ptr<const Embedder>(bool, QString *)> Engine::distributedHook(const EngineConfig &config) const
{
    // The job's embedder is fixed for its run (see makePipeline), so the hook captures it.
    return [local = currentEmbedder(), url = config.redisUrl, settings = m_distributedSettings](
               bool onlyWithWorkers, QString *why) -> std::shared_ptr<const Embedder> {
        RedisEndpoint endpoint;
        if (!resolveRedisUrl(url, &endpoint, why))
            return nullptr;
        auto embedder = DistributedEmbedder::create(local, endpoint, settings, why);
        if (!embedder)
            return nullptr;
        if (onlyWithWorkers && embedder->liveWorkers() == 0) {
            *why = QStringLiteral("no worker with embedder %1 is registered at %2").arg(local->id(), endpoint.display());
            return nullptr;
        }
        return embedder;
    };
}

std::optional<QList<WorkerInfo>> Engine::distributedWorkers(QString *error) const
{
    const QString url = config().redisUrl;
    if (url.isEmpty()) {
        *error = QStringLiteral("no Redis URL is set for distributed embedding (kmsctl workers --set-redis URL)");
        return std::nullopt;
    }
    RedisEndpoint endpoint;
    if (!resolveRedisUrl(url, &endpoint, error))
        return std::nullopt;
    auto redis = RedisClient::connect(endpoint, m_distributedSettings.connectTimeoutMs, error);
    if (!redis)
        return std::nullopt;
    return registry::list(*redis, error);
}

} // namespace kms
