# Development: the same shape as production, smaller and cheaper, and easy to tear down.
#   terraform plan -var-file=environments/dev.tfvars -out=dev.tfplan
# The event hub's name, partitions and consumer group and the stream queues keep their defaults: the azure overlay of
# infra/k8s sets the same values (tests/Insights.Deployment.Tests keeps them in step).

environment = "dev"
location    = "westeurope"

aks_sku_tier           = "Free"
aks_node_vm_size       = "Standard_D2ds_v5"
aks_node_min_count     = 3
aks_node_max_count     = 4
aks_availability_zones = []

storage_replication_type = "LRS"
language_sku             = "S"

synapse_sql_pool_sku                  = "DW100c"
synapse_sql_pool_storage_account_type = "LRS"

# A dev vault may be destroyed and created again under the same name at once.
key_vault_purge_protection           = false
key_vault_soft_delete_retention_days = 7

tags = {
  cost-center = "insights-dev"
}
