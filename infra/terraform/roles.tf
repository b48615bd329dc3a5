# Who may do what. The pods' workload identity (identity.tf) gets data-plane roles only; Synapse's managed identity
# reads and writes the lake for COPY INTO; the cluster's kubelet pulls images.

locals {
  workload_role_assignments = {
    # Grain state and the lake (Insights:Storage:AzureBlob:AccountUrl, Insights:Lake:AzureBlob:AccountUrl).
    storage_blobs = {
      scope = azurerm_storage_account.lake.id
      role  = "Storage Blob Data Contributor"
    }
    # Membership and reminders (Insights:Cluster:AzureTable:ServiceUri).
    storage_tables = {
      scope = azurerm_storage_account.lake.id
      role  = "Storage Table Data Contributor"
    }
    # Stream queues (Insights:Streams:AzureQueue:ServiceUri), when the AzureQueue provider is chosen.
    storage_queues = {
      scope = azurerm_storage_account.lake.id
      role  = "Storage Queue Data Contributor"
    }
    # Event Hubs with Entra ID (Insights:Streams:EventHubs:FullyQualifiedNamespace): the silos read, the API sends.
    eventhubs_receive = {
      scope = azurerm_eventhub.video_events.id
      role  = "Azure Event Hubs Data Receiver"
    }
    eventhubs_send = {
      scope = azurerm_eventhub.video_events.id
      role  = "Azure Event Hubs Data Sender"
    }
    # The silos' Event Hubs checkpoints (Insights:Streams:EventHubs:Checkpoint:TableServiceUri).
    storage_tables = {
      scope = azurerm_storage_account.lake.id
      role  = "Storage Table Data Contributor"
    }
    # AI Language with Entra ID (Insights:Sentiment:Azure:Key left out).
    language = {
      scope = azurerm_cognitive_account.language.id
      role  = "Cognitive Services User"
    }
    # The Secrets Store CSI driver reads the vault as this identity (SecretProviderClass clientID).
    key_vault = {
      scope = azurerm_key_vault.main.id
      role  = "Key Vault Secrets User"
    }
  }
}

resource "azurerm_role_assignment" "workload" {
  for_each = local.workload_role_assignments

  scope                = each.value.scope
  role_definition_name = each.value.role
  principal_id         = azurerm_user_assigned_identity.workload.principal_id
  principal_type       = "ServicePrincipal"
}

# COPY INTO reads the processed zone as the workspace (Insights:Warehouse:Synapse:CopyCredential, the default
# IDENTITY = 'Managed Identity'); the workspace also keeps its own files in the lake account.
resource "azurerm_role_assignment" "synapse_storage" {
  scope                = azurerm_storage_account.lake.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_synapse_workspace.main.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

# Event Hubs Capture writes the hub's events into the lake's raw container as the namespace.
resource "azurerm_role_assignment" "eventhubs_capture" {
  scope                = azurerm_storage_account.lake.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_eventhub_namespace.main.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "aks_acr_pull" {
  scope                            = azurerm_container_registry.main.id
  role_definition_name             = "AcrPull"
  principal_id                     = azurerm_kubernetes_cluster.main.kubelet_identity[0].object_id
  principal_type                   = "ServicePrincipal"
  skip_service_principal_aad_check = true
}
