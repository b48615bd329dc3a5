# One user-assigned managed identity for the silo and API pods. The workload identity webhook gives pods of the two
# federated service accounts its AZURE_CLIENT_ID and a token file, which DefaultAzureCredential uses for Blob Storage,
# Storage queues and AI Language, and which the Secrets Store CSI driver uses to read Key Vault.

resource "azurerm_user_assigned_identity" "workload" {
  name                = "id-${local.name}-workload"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  tags                = local.tags
}

# system:serviceaccount:<namespace>:insights-silo and ...:insights-api (names from infra/k8s/base, namespace from the
# azure overlay's kustomization.yaml).
resource "azurerm_federated_identity_credential" "workload" {
  for_each = toset(local.workload_service_accounts)

  name                = each.value
  resource_group_name = azurerm_resource_group.main.name
  parent_id           = azurerm_user_assigned_identity.workload.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = azurerm_kubernetes_cluster.main.oidc_issuer_url
  subject             = "system:serviceaccount:${var.kubernetes_namespace}:${each.value}"
}
