# Azure Cache for Redis: the Orleans membership table (and reminders) of Insights:Cluster:Provider=Redis. TLS only
# (port 6380); its StackExchange.Redis connection string goes to Key Vault.

resource "azurerm_redis_cache" "membership" {
  name                 = "redis-${local.unique}"
  resource_group_name  = azurerm_resource_group.main.name
  location             = azurerm_resource_group.main.location
  sku_name             = var.redis_sku
  family               = var.redis_sku == "Premium" ? "P" : "C"
  capacity             = var.redis_capacity
  non_ssl_port_enabled = false
  minimum_tls_version  = "1.2"
  redis_version        = "6"
  tags                 = local.tags
}
