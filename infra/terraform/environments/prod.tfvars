# Production: zone-redundant nodes and storage, purge-protected Key Vault.
#   terraform plan -var-file=environments/prod.tfvars -out=prod.tfplan
# The event hub's name, partitions and consumer group and the stream queues keep their defaults: the azure overlay of
# infra/k8s sets the same values (tests/Insights.Deployment.Tests keeps them in step).

environment = "prod"
location    = "westeurope"

aks_sku_tier           = "Standard"
aks_node_vm_size       = "Standard_D4ds_v5"
aks_node_min_count     = 3
aks_node_max_count     = 8
aks_availability_zones = ["1", "2", "3"]

storage_replication_type       = "ZRS"
eventhubs_capacity             = 2
eventhubs_max_throughput_units = 10
language_sku                   = "S"

synapse_sql_pool_sku                  = "DW200c"
synapse_sql_pool_storage_account_type = "GRS"

key_vault_purge_protection           = true
key_vault_soft_delete_retention_days = 90

tags = {
  cost-center = "insights"
}
