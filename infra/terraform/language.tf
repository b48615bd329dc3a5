# Azure AI Language for comment sentiment (Insights:Sentiment:Analyzer=AzureWithLocalFallback). A custom subdomain
# gives it the https://<name>.cognitiveservices.azure.com endpoint that Entra ID sign-in requires; the key is kept
# in Key Vault as well, for Insights:Sentiment:Azure:Key.

resource "azurerm_cognitive_account" "language" {
  name                  = "lang-${local.unique}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  kind                  = "TextAnalytics"
  sku_name              = var.language_sku
  custom_subdomain_name = "lang-${local.unique}"
  local_auth_enabled    = true
  tags                  = local.tags
}
