import Foundation
import Synchronization

/// Request counts and latency histograms per route, kept in memory and written as
/// Prometheus text (`/metrics`). Routes are the matched templates (`/v1/chat/{session}`),
/// never raw paths, so ids never become label values.
public final class ServiceMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct RouteKey: Hashable { var method: String; var route: String }
    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServiceMetrics.buckets.count)
        var total = 0
        var sum = 0.0
    }
    private struct State {
        var requests: [RouteKey: [Int: Int]] = [:]
        var latency: [RouteKey: Histogram] = [:]
        var reloads = 0
        var reloadFailures = 0
    }
    private let state = Mutex(State())

    public init() {}

    func record(method: String, route: String, status: Int, seconds: Double) {
        let key = RouteKey(method: method, route: route)
        state.withLock { s in
            s.requests[key, default: [:]][status, default: 0] += 1
            var h = s.latency[key] ?? Histogram()
            if let i = Self.buckets.firstIndex(where: { seconds <= $0 }) { h.counts[i] += 1 }
            h.total += 1
            h.sum += seconds
            s.latency[key] = h
        }
    }

    func recordReload(ok: Bool) {
        state.withLock { if ok { $0.reloads += 1 } else { $0.reloadFailures += 1 } }
    }

    /// The Prometheus text exposition (version 0.0.4).
    func prometheusText(liveSessions: Int, expiredSessions: Int, evictedSessions: Int, versions: [ModelVersion]) -> String {
        let s = state.withLock { $0 }
        var out = ""
        out += "# HELP shopnlp_http_requests_total HTTP requests by method, route template and status.\n"
        out += "# TYPE shopnlp_http_requests_total counter\n"
        for key in s.requests.keys.sorted(by: { ($0.route, $0.method) < ($1.route, $1.method) }) {
            for (status, n) in s.requests[key]!.sorted(by: { $0.key < $1.key }) {
                out += "shopnlp_http_requests_total{method=\"\(key.method)\",route=\"\(Self.escape(key.route))\",status=\"\(status)\"} \(n)\n"
            }
        }
        out += "# HELP shopnlp_http_request_duration_seconds Request latency by method and route template.\n"
        out += "# TYPE shopnlp_http_request_duration_seconds histogram\n"
        for key in s.latency.keys.sorted(by: { ($0.route, $0.method) < ($1.route, $1.method) }) {
            let h = s.latency[key]!
            let labels = "method=\"\(key.method)\",route=\"\(Self.escape(key.route))\""
            var cumulative = 0
            for (i, b) in Self.buckets.enumerated() {
                cumulative += h.counts[i]
                out += "shopnlp_http_request_duration_seconds_bucket{\(labels),le=\"\(b)\"} \(cumulative)\n"
            }
            out += "shopnlp_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(h.total)\n"
            out += "shopnlp_http_request_duration_seconds_sum{\(labels)} \(h.sum)\n"
            out += "shopnlp_http_request_duration_seconds_count{\(labels)} \(h.total)\n"
        }
        out += "# HELP shopnlp_chat_sessions_live Chat sessions currently held.\n# TYPE shopnlp_chat_sessions_live gauge\n"
        out += "shopnlp_chat_sessions_live \(liveSessions)\n"
        out += "# HELP shopnlp_chat_sessions_expired_total Sessions forgotten after the idle TTL.\n# TYPE shopnlp_chat_sessions_expired_total counter\n"
        out += "shopnlp_chat_sessions_expired_total \(expiredSessions)\n"
        out += "# HELP shopnlp_chat_sessions_evicted_total Sessions evicted to stay under the cap.\n# TYPE shopnlp_chat_sessions_evicted_total counter\n"
        out += "shopnlp_chat_sessions_evicted_total \(evictedSessions)\n"
        out += "# HELP shopnlp_model_reloads_total Reloads by outcome.\n# TYPE shopnlp_model_reloads_total counter\n"
        out += "shopnlp_model_reloads_total{outcome=\"ok\"} \(s.reloads)\n"
        out += "shopnlp_model_reloads_total{outcome=\"failed\"} \(s.reloadFailures)\n"
        out += "# HELP shopnlp_model_info The loaded models (value 1), with their content hash as version.\n# TYPE shopnlp_model_info gauge\n"
        for v in versions {
            out += "shopnlp_model_info{model=\"\(Self.escape(v.name))\",file=\"\(Self.escape(v.file))\",version=\"\(v.fnv1a64)\"} 1\n"
        }
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
