# What the Kubernetes azure overlay (infra/k8s/overlays/azure) and the operators need. Each output says which
# configuration key (environment variable, "__" for ":") or overlay placeholder it fills; the tests in
# tests/Insights.Deployment.Tests check those names against the keys the code reads.
#
#   terraform output -json overlay_placeholders   # <placeholder> => value, for sed over the overlay (docs/deployment.md)
#   terraform output -json app_settings           # config.env of the overlay, as Terraform sees it
#   terraform output -raw api_key                 # the X-Api-Key to give clients

output "overlay_placeholders" {
  description = "Every <placeholder> of infra/k8s/overlays/azure (but <version>, the image tag) => its value."
  value = {
    "<acr-name>"                    = azurerm_container_registry.main.name
    "<storage-account>"             = azurerm_storage_account.lake.name
    "<eventhubs-namespace>"         = azurerm_eventhub_namespace.main.name
    "<language-resource>"           = azurerm_cognitive_account.language.custom_subdomain_name
    "<workload-identity-client-id>" = azurerm_user_assigned_identity.workload.client_id
    "<key-vault-name>"              = azurerm_key_vault.main.name
    "<tenant-id>"                   = data.azurerm_client_config.current.tenant_id
  }
}

output "app_settings" {
  description = "Non-secret settings of the silo and API pods, keyed by environment variable name: the azure overlay's config.env (merged over the base's) holds the same keys."
  value = {
    "Insights__Cluster__Provider"                               = "AzureTable"
    "Insights__Cluster__AzureTable__ServiceUri"                 = trimsuffix(azurerm_storage_account.lake.primary_table_endpoint, "/")
    "Insights__Cluster__Tls__Enabled"                           = "true"
    "Insights__Cluster__Tls__CertificatePath"                   = "/mnt/cluster-tls/cluster.pfx"
    "Insights__Storage__Provider"                               = "AzureBlob"
    "Insights__Storage__AzureBlob__AccountUrl"                  = trimsuffix(azurerm_storage_account.lake.primary_blob_endpoint, "/")
    "Insights__Storage__AzureBlob__Container"                   = local.storage_containers.grainstate
    "Insights__Lake__Provider"                                  = "AzureBlob"
    "Insights__Lake__AzureBlob__AccountUrl"                     = trimsuffix(azurerm_storage_account.lake.primary_blob_endpoint, "/")
    "Insights__Lake__AzureBlob__RawContainer"                   = local.storage_containers.raw
    "Insights__Lake__AzureBlob__ProcessedContainer"             = local.storage_containers.processed
    "Insights__Lake__AzureBlob__QuarantineContainer"            = local.storage_containers.quarantine
    "Insights__Streams__Provider"                               = "EventHubs"
    "Insights__Streams__Queues"                                 = tostring(var.stream_queue_count)
    "Insights__Streams__EventHubs__FullyQualifiedNamespace"     = "${azurerm_eventhub_namespace.main.name}.servicebus.windows.net"
    "Insights__Streams__EventHubs__Path"                        = azurerm_eventhub.video_events.name
    "Insights__Streams__EventHubs__ConsumerGroup"               = azurerm_eventhub_consumer_group.silos.name
    "Insights__Streams__EventHubs__Checkpoint__TableServiceUri" = trimsuffix(azurerm_storage_account.lake.primary_table_endpoint, "/")
    "Insights__Streams__EventHubs__Checkpoint__TableName"       = azurerm_storage_table.eventhub_checkpoints.name
    "Insights__Sentiment__Analyzer"                             = "AzureWithLocalFallback"
    "Insights__Sentiment__Azure__Endpoint"                      = trimsuffix(azurerm_cognitive_account.language.endpoint, "/")
    "Insights__Warehouse__Provider"                             = "Synapse"
    "Insights__Warehouse__Synapse__StorageUrl"                  = "${azurerm_storage_account.lake.primary_dfs_endpoint}${local.storage_containers.processed}"
    "Insights__Auth__ApiKeys__0__Name"                          = var.api_key_name
    "Insights__Auth__ApiKeys__0__Scopes__0"                     = "ingest"
    "Insights__Auth__ApiKeys__0__Scopes__1"                     = "read"
    "Insights__OrleansDashboard__Enabled"                       = "false"
  }
}

output "key_vault_secrets" {
  description = "Key Vault secret name => the configuration key it becomes in the pods: the secretObjects of infra/k8s/overlays/azure/secret-provider-class.yaml."
  value       = local.key_vault_secret_config_keys
}

output "resource_group_name" {
  description = "The resource group (az aks get-credentials -g ...)."
  value       = azurerm_resource_group.main.name
}

output "aks_cluster_name" {
  description = "The AKS cluster (az aks get-credentials -n ...)."
  value       = azurerm_kubernetes_cluster.main.name
}

output "aks_get_credentials_command" {
  description = "Points kubectl at the cluster."
  value       = "az aks get-credentials --resource-group ${azurerm_resource_group.main.name} --name ${azurerm_kubernetes_cluster.main.name}"
}

output "acr_name" {
  description = "The <acr-name> placeholder of the overlay's kustomization.yaml (az acr login -n ...)."
  value       = azurerm_container_registry.main.name
}

output "acr_login_server" {
  description = "Registry host of the images: newName <acr-name>.azurecr.io/insights-{silo,api,generator} in the overlay's kustomization.yaml."
  value       = azurerm_container_registry.main.login_server
}

output "key_vault_name" {
  description = "The <key-vault-name> placeholder: keyvaultName of the overlay's SecretProviderClass."
  value       = azurerm_key_vault.main.name
}

output "tenant_id" {
  description = "The <tenant-id> placeholder: tenantId of the overlay's SecretProviderClass."
  value       = data.azurerm_client_config.current.tenant_id
}

output "workload_identity_client_id" {
  description = "The <workload-identity-client-id> placeholder: the service accounts' azure.workload.identity/client-id annotation and clientID of the SecretProviderClass (the pods get it as AZURE_CLIENT_ID)."
  value       = azurerm_user_assigned_identity.workload.client_id
}

output "storage_account_name" {
  description = "The <storage-account> placeholder of the overlay's config.env."
  value       = azurerm_storage_account.lake.name
}

output "storage_blob_endpoint" {
  description = "Insights__Storage__AzureBlob__AccountUrl and Insights__Lake__AzureBlob__AccountUrl."
  value       = trimsuffix(azurerm_storage_account.lake.primary_blob_endpoint, "/")
}

output "storage_queue_endpoint" {
  description = "Insights__Streams__AzureQueue__ServiceUri, for the AzureQueue stream provider instead of Event Hubs."
  value       = trimsuffix(azurerm_storage_account.lake.primary_queue_endpoint, "/")
}

output "synapse_storage_url" {
  description = "Insights__Warehouse__Synapse__StorageUrl: the processed zone as COPY INTO reads it."
  value       = "${azurerm_storage_account.lake.primary_dfs_endpoint}${local.storage_containers.processed}"
}

output "eventhubs_namespace_name" {
  description = "The <eventhubs-namespace> placeholder of the overlay's config.env."
  value       = azurerm_eventhub_namespace.main.name
}

output "eventhubs_fully_qualified_namespace" {
  description = "Insights__Streams__EventHubs__FullyQualifiedNamespace: the namespace the pods sign in to with the workload identity."
  value       = "${azurerm_eventhub_namespace.main.name}.servicebus.windows.net"
}

output "eventhub_name" {
  description = "Insights__Streams__EventHubs__Path."
  value       = azurerm_eventhub.video_events.name
}

output "eventhub_partition_count" {
  description = "Partitions of the hub: at most this many silos read it at once."
  value       = azurerm_eventhub.video_events.partition_count
}

output "eventhub_checkpoint_table" {
  description = "Insights__Streams__EventHubs__Checkpoint__TableName (in the account of Insights__Streams__EventHubs__Checkpoint__TableServiceUri)."
  value       = azurerm_storage_table.eventhub_checkpoints.name
}

output "eventhubs_producer_connection_string" {
  description = "Send-only connection string of the hub for producers without Entra ID: INSIGHTS_EVENTHUBS_CONNECTION of the generator."
  value       = azurerm_eventhub_authorization_rule.producers.primary_connection_string
  sensitive   = true
}

output "eventhub_consumer_group" {
  description = "Insights__Streams__EventHubs__ConsumerGroup."
  value       = azurerm_eventhub_consumer_group.silos.name
}

output "language_endpoint" {
  description = "Insights__Sentiment__Azure__Endpoint (<language-resource> placeholder: its subdomain)."
  value       = trimsuffix(azurerm_cognitive_account.language.endpoint, "/")
}


output "synapse_workspace_name" {
  description = "The Synapse workspace (pause the pool: az synapse sql pool pause)."
  value       = azurerm_synapse_workspace.main.name
}

output "synapse_sql_endpoint" {
  description = "Dedicated SQL endpoint (Power BI, SSMS); database: synapse_sql_pool_name. Insights__Warehouse__Synapse__ConnectionString is the Key Vault secret insights-synapse-connection-string."
  value       = "${azurerm_synapse_workspace.main.name}.sql.azuresynapse.net"
}

output "api_key" {
  description = "The X-Api-Key clients (and the generator, INSIGHTS_API_KEY) send; the API holds only its hash (Insights__Auth__ApiKeys__0__Hash). Also the Key Vault secret insights-api-key."
  value       = local.api_key
  sensitive   = true
}
