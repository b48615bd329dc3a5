# Insights on Azure: everything the azure overlay of infra/k8s needs (docs/deployment.md walks through it).
#
#   resource group
#   ├── storage account (hierarchical namespace): lake containers, grain state, stream queues, Synapse's file system
#   ├── Event Hubs namespace (Standard) with the video-events hub, the silos' consumer group and Capture into raw
#   ├── Azure AI Language (sentiment)            ├── Synapse workspace + dedicated SQL pool (warehouse)
#   ├── (membership and reminders: Storage tables) ├── Key Vault (RBAC) with the connection secrets
#   ├── AKS (OIDC issuer, workload identity, Key Vault secrets provider) pulling from ACR
#   └── one user-assigned identity for the silo and API pods, federated with their service accounts
#
# Files: one per service (storage.tf, eventhubs.tf, ...), role assignments in roles.tf, outputs named after the
# configuration key or overlay placeholder each one fills.

data "azurerm_client_config" "current" {}

# Globally unique names (storage, Key Vault, ACR, Event Hubs, Synapse, Language) get this suffix; it never
# changes once created.
resource "random_string" "suffix" {
  length  = 5
  lower   = true
  upper   = false
  numeric = true
  special = false
}

locals {
  # "insights-dev": names that are unique within the resource group.
  name = "${var.project}-${var.environment}"
  # "insights-dev-a1b2c": globally unique names that allow hyphens.
  unique = "${var.project}-${var.environment}-${random_string.suffix.result}"
  # "insightsdeva1b2c": globally unique names of letters and digits only (storage, Key Vault, ACR).
  compact = "${var.project}${var.environment}${random_string.suffix.result}"

  tags = merge(var.tags, {
    project     = var.project
    environment = var.environment
    managed-by  = "terraform"
  })

  # The Kubernetes service accounts of infra/k8s/base that act as the workload identity (silo-rbac.yaml,
  # api-serviceaccount.yaml), in the namespace of the azure overlay.
  workload_service_accounts = ["insights-silo", "insights-api"]
}

resource "azurerm_resource_group" "main" {
  name     = coalesce(var.resource_group_name, "rg-${local.name}")
  location = var.location
  tags     = local.tags
}
