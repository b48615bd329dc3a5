# The images' registry (insights-silo, insights-api, insights-generator). The cluster's kubelet pulls with AcrPull
# (roles.tf); pushes come from az acr login or the images workflow (.github/workflows/images.yml).

resource "azurerm_container_registry" "main" {
  name                = "acr${local.compact}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  sku                 = var.acr_sku
  admin_enabled       = false
  tags                = local.tags
}
