/// Hand-written metrics pages for the parser, check and fuzz tests.
enum PrometheusFixtures {
    /// Gauges and counters as TTA's agent orchestration serves them on `/metrics-prom`.
    static let tta = #"""
        # HELP tta_system_cpu_usage_percent System CPU usage in percent, per host.
        # TYPE tta_system_cpu_usage_percent gauge
        tta_system_cpu_usage_percent{host="a"} 93.1
        tta_system_cpu_usage_percent{host="b"} 12.5
        tta_system_cpu_usage_percent{host="c"} 85
        # HELP tta_agent_workers_available Workers ready to take a task.
        # TYPE tta_agent_workers_available gauge
        tta_agent_workers_available{pool="default"} 2
        # HELP tta_agent_tasks_total Tasks run by the orchestrator.
        # TYPE tta_agent_tasks_total counter
        tta_agent_tasks_total{agent="planner",outcome="ok"} 1027
        tta_agent_tasks_total{agent="planner",outcome="error"} 3
        tta_agent_tasks_total{agent="coder",outcome="ok"} 311

        """#

    /// The example from the Prometheus exposition-format documentation: escapes, `+Inf`,
    /// negative timestamps, a histogram and a summary.
    static let documentation = #"""
        # HELP http_requests_total The total number of HTTP requests.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post",code="400"}    3 1395066363000

        # Escaping in label values:
        msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9

        # Minimalistic line:
        metric_without_timestamp_and_labels 12.47

        # A weird metric from before the epoch:
        something_weird{problem="division by zero"} +Inf -3982045

        # A histogram, which has a pretty complex representation in the text format:
        # HELP http_request_duration_seconds A histogram of the request duration.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{le="0.05"} 24054
        http_request_duration_seconds_bucket{le="0.1"} 33444
        http_request_duration_seconds_bucket{le="0.2"} 100392
        http_request_duration_seconds_bucket{le="0.5"} 129389
        http_request_duration_seconds_bucket{le="1"} 133988
        http_request_duration_seconds_bucket{le="+Inf"} 144320
        http_request_duration_seconds_sum 53423
        http_request_duration_seconds_count 144320

        # Finally a summary, which has a complex representation, too:
        # HELP rpc_duration_seconds A summary of the RPC duration in seconds.
        # TYPE rpc_duration_seconds summary
        rpc_duration_seconds{quantile="0.01"} 3102
        rpc_duration_seconds{quantile="0.05"} 3272
        rpc_duration_seconds{quantile="0.5"} 4773
        rpc_duration_seconds{quantile="0.9"} 9001
        rpc_duration_seconds{quantile="0.99"} 76656
        rpc_duration_seconds_sum 1.7560473e+07
        rpc_duration_seconds_count 2693

        """#

    /// OpenMetrics text: `# UNIT`, `_total`/`_created` counters, info and stateset families,
    /// seconds timestamps, an exemplar, and the closing `# EOF`.
    static let openMetrics = #"""
        # TYPE acme_http_router_request_seconds summary
        # UNIT acme_http_router_request_seconds seconds
        # HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
        acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
        acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
        acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
        # TYPE foo counter
        # HELP foo Counted \"things\".
        foo_total 17.0 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67
        foo_created 1520430000.123
        # TYPE build info
        build_info{version="1.2.3"} 1
        # TYPE feature stateset
        feature{feature="a"} 1
        feature{feature="b"} 0
        # TYPE queue_latency gaugehistogram
        queue_latency_bucket{le="1"} 3
        queue_latency_bucket{le="+Inf"} 5
        queue_latency_gcount 5
        queue_latency_gsum 7.5
        # EOF

        """#
}
