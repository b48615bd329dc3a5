# AKS with what the azure overlay relies on: the OIDC issuer and workload identity (pods sign in to Azure as the
# managed identity of identity.tf), and the Key Vault secrets provider add-on (the Secrets Store CSI driver that
# syncs insights-secrets from Key Vault). Azure CNI overlay gives every pod an address the others reach directly,
# which Orleans needs (silos and the API talk to each pod's IP, published in the Azure Table membership table).

resource "azurerm_kubernetes_cluster" "main" {
  name                              = "aks-${local.name}"
  resource_group_name               = azurerm_resource_group.main.name
  location                          = azurerm_resource_group.main.location
  dns_prefix                        = local.name
  kubernetes_version                = var.aks_kubernetes_version
  sku_tier                          = var.aks_sku_tier
  automatic_upgrade_channel         = "patch"
  oidc_issuer_enabled               = true
  workload_identity_enabled         = true
  role_based_access_control_enabled = true
  tags                              = local.tags

  default_node_pool {
    name                 = "system"
    vm_size              = var.aks_node_vm_size
    os_sku               = "AzureLinux"
    auto_scaling_enabled = true
    min_count            = var.aks_node_min_count
    max_count            = var.aks_node_max_count
    zones                = length(var.aks_availability_zones) > 0 ? var.aks_availability_zones : null
    tags                 = local.tags

    upgrade_settings {
      max_surge = "33%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    load_balancer_sku   = "standard"
  }

  key_vault_secrets_provider {
    secret_rotation_enabled  = true
    secret_rotation_interval = "2m"
  }
}
