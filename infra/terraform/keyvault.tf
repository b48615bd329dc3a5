# Key Vault (Azure RBAC, no access policies) holding every secret the pods read. The Secrets Store CSI driver
# (infra/k8s/overlays/azure/secret-provider-class.yaml) copies each one into the Secret insights-secrets under the
# configuration key in local.key_vault_secret_config_keys; the pods read that Secret as environment variables.

resource "azurerm_key_vault" "main" {
  name                       = "kv${local.compact}"
  resource_group_name        = azurerm_resource_group.main.name
  location                   = azurerm_resource_group.main.location
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  enable_rbac_authorization  = true # the 4.x name; provider 5.0 calls it rbac_authorization_enabled
  purge_protection_enabled   = var.key_vault_purge_protection
  soft_delete_retention_days = var.key_vault_soft_delete_retention_days
  tags                       = local.tags
}

# Whoever runs Terraform writes the secrets below.
resource "azurerm_role_assignment" "deployer_key_vault_secrets_officer" {
  scope                = azurerm_key_vault.main.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

# Role assignments take a minute or two to reach Key Vault's data plane.
resource "time_sleep" "key_vault_rbac" {
  create_duration = "90s"

  depends_on = [azurerm_role_assignment.deployer_key_vault_secrets_officer]
}

# The API key clients send as X-Api-Key (scopes ingest and read). The API holds only its SHA-256
# (Insights:Auth:ApiKeys:0:Hash); the plain key is kept in the vault for operators and the generator
# (az keyvault secret show --vault-name <vault> -n insights-api-key --query value -o tsv).
resource "random_password" "api_key" {
  length  = 43
  special = false
}

# Signs the dashboard's stream tokens, so that a token issued by one API pod opens a stream on another
# (Insights:Auth:StreamTokens:SigningKey: base64 of at least 32 bytes).
resource "random_bytes" "stream_token_signing_key" {
  length = 32
}

locals {
  api_key = "ins_${random_password.api_key.result}"

  # Key Vault secret name => the configuration key (environment variable) it becomes in the pods. The same pairs
  # are the secretObjects of infra/k8s/overlays/azure/secret-provider-class.yaml (tests keep them in step).
  key_vault_secret_config_keys = {
    "insights-language-key"              = "Insights__Sentiment__Azure__Key"
    "insights-synapse-connection-string" = "Insights__Warehouse__Synapse__ConnectionString"
    "insights-api-key-hash"              = "Insights__Auth__ApiKeys__0__Hash"
    "insights-stream-token-signing-key"  = "Insights__Auth__StreamTokens__SigningKey"
  }

  # Kept apart from the names above: for_each may not iterate over sensitive values.
  key_vault_secret_values = {
    "insights-language-key"              = azurerm_cognitive_account.language.primary_access_key
    "insights-synapse-connection-string" = local.synapse_connection_string
    "insights-api-key-hash"              = sha256(local.api_key)
    "insights-stream-token-signing-key"  = random_bytes.stream_token_signing_key.base64
  }
}

resource "azurerm_key_vault_secret" "config" {
  for_each = local.key_vault_secret_config_keys

  name         = each.key
  value        = local.key_vault_secret_values[each.key]
  content_type = each.value
  key_vault_id = azurerm_key_vault.main.id
  tags         = local.tags

  depends_on = [time_sleep.key_vault_rbac]
}

# Not mapped into any pod: the plain key, for people and the generator.
resource "azurerm_key_vault_secret" "api_key" {
  name         = "insights-api-key"
  value        = local.api_key
  content_type = "X-Api-Key (name ${var.api_key_name}, scopes ingest and read)"
  key_vault_id = azurerm_key_vault.main.id
  tags         = local.tags

  depends_on = [time_sleep.key_vault_rbac]
}
