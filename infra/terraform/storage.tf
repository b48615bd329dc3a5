# One StorageV2 account with a hierarchical namespace (Data Lake Storage Gen2) for:
#   - the lake's zones (Insights:Lake:AzureBlob:*Container): raw, processed, quarantine;
#   - grain state (Insights:Storage:AzureBlob:Container): grainstate;
#   - Synapse's workspace file system: synapse;
#   - the stream queues when Insights:Streams:Provider is AzureQueue ({QueuePrefix}-0 .. -{Queues - 1}); the app
#     creates missing queues itself, they are created here so the identity needs no create rights at run time.
# The pods sign in with the workload identity (AccountUrl, roles in roles.tf): no account key leaves Azure.

locals {
  storage_containers = {
    raw        = "raw"
    processed  = "processed"
    quarantine = "quarantine"
    grainstate = "grainstate"
    synapse    = "synapse"
  }
}

resource "azurerm_storage_account" "lake" {
  name                            = "st${local.compact}"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = var.storage_replication_type
  is_hns_enabled                  = true
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  tags                            = local.tags
}

resource "azurerm_storage_container" "this" {
  for_each = local.storage_containers

  name                  = each.value
  storage_account_id    = azurerm_storage_account.lake.id
  container_access_type = "private"
}

resource "azurerm_storage_queue" "streams" {
  count = var.stream_queue_count

  name               = "${var.stream_queue_prefix}-${count.index}"
  storage_account_id = azurerm_storage_account.lake.id
}
