# Event Hubs through its Kafka endpoint (Insights:Streams:Provider=EventHubs): Standard tier or above, which is
# where the Kafka endpoint exists. One hub (the Kafka topic) whose partitions are the Orleans queues, and the
# consumer group (Kafka group id) under which the silos commit their offsets.

resource "azurerm_eventhub_namespace" "main" {
  name                          = "evhns-${local.unique}"
  resource_group_name           = azurerm_resource_group.main.name
  location                      = azurerm_resource_group.main.location
  sku                           = "Standard"
  capacity                      = var.eventhubs_capacity
  auto_inflate_enabled          = var.eventhubs_max_throughput_units > 0
  maximum_throughput_units      = var.eventhubs_max_throughput_units > 0 ? var.eventhubs_max_throughput_units : null
  minimum_tls_version           = "1.2"
  local_authentication_enabled  = true # Kafka clients authenticate with the connection string (SASL PLAIN)
  public_network_access_enabled = true
  tags                          = local.tags
}

resource "azurerm_eventhub" "video_events" {
  name              = var.eventhub_name
  namespace_id      = azurerm_eventhub_namespace.main.id
  partition_count   = var.eventhub_partition_count
  message_retention = var.eventhub_message_retention_days
}

# Kafka consumer groups are created on first use; declaring it keeps it visible and removes it with the stack.
resource "azurerm_eventhub_consumer_group" "silos" {
  name                = var.eventhub_consumer_group
  namespace_name      = azurerm_eventhub_namespace.main.name
  eventhub_name       = azurerm_eventhub.video_events.name
  resource_group_name = azurerm_resource_group.main.name
  user_metadata       = "Orleans silos (Insights:Streams:EventHubs:ConsumerGroup)"
}

# Send and listen on this hub only: its connection string is Insights:Streams:EventHubs:ConnectionString.
resource "azurerm_eventhub_authorization_rule" "app" {
  name                = "insights-app"
  namespace_name      = azurerm_eventhub_namespace.main.name
  eventhub_name       = azurerm_eventhub.video_events.name
  resource_group_name = azurerm_resource_group.main.name
  listen              = true
  send                = true
  manage              = false
}
