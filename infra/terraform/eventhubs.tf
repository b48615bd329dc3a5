# Event Hubs (Insights:Streams:Provider=EventHubs), read over AMQP by the official Orleans provider
# (Microsoft.Orleans.Streaming.EventHubs). One hub whose partitions are the Orleans queues, the consumer group the
# silos read with, and Capture: every event that reaches the hub lands, as sent, in the lake's raw container
# (Avro, under eventhubs/), whoever sent it and whether or not Insights could read it.
# The pods sign in with the workload identity (roles in roles.tf); the send-only rule below is for producers outside
# Azure AD (the generator, other systems), and the silos' checkpoints live in a table of the lake account.

resource "azurerm_eventhub_namespace" "main" {
  name                          = "evhns-${local.unique}"
  resource_group_name           = azurerm_resource_group.main.name
  location                      = azurerm_resource_group.main.location
  sku                           = "Standard"
  capacity                      = var.eventhubs_capacity
  auto_inflate_enabled          = var.eventhubs_max_throughput_units > 0
  maximum_throughput_units      = var.eventhubs_max_throughput_units > 0 ? var.eventhubs_max_throughput_units : null
  minimum_tls_version           = "1.2"
  local_authentication_enabled  = true # producers with the send-only connection string (the generator)
  public_network_access_enabled = true
  tags                          = local.tags

  # Capture writes to the lake account as the namespace (role in roles.tf).
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_eventhub" "video_events" {
  name              = var.eventhub_name
  namespace_id      = azurerm_eventhub_namespace.main.id
  partition_count   = var.eventhub_partition_count
  message_retention = var.eventhub_message_retention_days

  # The raw zone of events other producers send straight to the hub (the API lands its own in raw/ as JSON Lines).
  capture_description {
    enabled             = var.eventhub_capture_enabled
    encoding            = "Avro"
    interval_in_seconds = var.eventhub_capture_interval_seconds
    size_limit_in_bytes = 314572800
    skip_empty_archives = true

    destination {
      name                = "EventHubArchive.AzureBlockBlob"
      archive_name_format = "eventhubs/{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}"
      blob_container_name = local.storage_containers.raw
      storage_account_id  = azurerm_storage_account.lake.id
    }
  }

  depends_on = [azurerm_role_assignment.eventhubs_capture]
}

# The consumer group the silos read with (Insights:Streams:EventHubs:ConsumerGroup); other readers get their own.
resource "azurerm_eventhub_consumer_group" "silos" {
  name                = var.eventhub_consumer_group
  namespace_name      = azurerm_eventhub_namespace.main.name
  eventhub_name       = azurerm_eventhub.video_events.name
  resource_group_name = azurerm_resource_group.main.name
  user_metadata       = "Orleans silos (Insights:Streams:EventHubs:ConsumerGroup)"
}

# Send only, on this hub only: the connection string of producers that do not sign in with Entra ID
# (INSIGHTS_EVENTHUBS_CONNECTION of the generator; output eventhubs_producer_connection_string).
resource "azurerm_eventhub_authorization_rule" "producers" {
  name                = "insights-producers"
  namespace_name      = azurerm_eventhub_namespace.main.name
  eventhub_name       = azurerm_eventhub.video_events.name
  resource_group_name = azurerm_resource_group.main.name
  listen              = false
  send                = true
  manage              = false
}

# Each partition's checkpoint (Insights:Streams:EventHubs:Checkpoint:TableName), written by the provider's Azure Table
# checkpointer as the workload identity (Storage Table Data Contributor).
resource "azurerm_storage_table" "eventhub_checkpoints" {
  name                 = var.eventhub_checkpoint_table
  storage_account_name = azurerm_storage_account.lake.name
}
