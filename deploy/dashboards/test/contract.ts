// The Prometheus series the dashboards may query: the meters the backends publish (Micrometer names as Prometheus
// scrapes them: "_total" on counters, "_seconds" on timers), the standard meters of Spring Boot (HTTP server, JVM,
// process) and HikariCP, and Prometheus' own "up". A typo in a dashboard query fails the test instead of showing
// an empty panel.
export const SERIES: ReadonlySet<string> = new Set([
  // Spring Boot: HTTP server requests (histogram), JVM and process
  'http_server_requests_seconds_count',
  'http_server_requests_seconds_bucket',
  'jvm_memory_used_bytes',
  'jvm_memory_max_bytes',
  'jvm_gc_pause_seconds_sum',
  'jvm_gc_pause_seconds_count',
  'jvm_threads_live_threads',
  'jvm_threads_states_threads',
  'process_cpu_usage',
  'process_uptime_seconds',
  // HikariCP's own meters
  'hikaricp_connections_active',
  'hikaricp_connections_idle',
  'hikaricp_connections_pending',
  'hikaricp_connections_max',
  'hikaricp_connections_acquire_seconds_sum',
  'hikaricp_connections_acquire_seconds_count',
  'hikaricp_connections_timeout_total',
  // Prometheus: scrape target health
  'up',
  // provider backend
  'oc_shares_sent_total',
  'oc_deliveries_total',
  'oc_delivery_duration_seconds_bucket',
  'oc_outbox_pending',
  'oc_outbox_oldest_age_seconds',
  'oc_outbox_dead_letters',
  'oc_outbox_items_total',
  'oc_logins_total',
  'oc_mail_total',
  'oc_rate_limited_total',
  // client backend
  'oc_client_unlock_total',
  'oc_lockouts_total',
  'oc_downloads_total',
  'oc_download_bytes_total',
]);
