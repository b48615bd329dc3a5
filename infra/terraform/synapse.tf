# Azure Synapse Analytics: the warehouse (Insights:Warehouse:Provider=Synapse). The workspace keeps its own files in
# the "synapse" file system of the lake account; the dedicated SQL pool holds the star schema, which the silo's loader
# fills with COPY INTO from the processed zone, read with the workspace's managed identity (roles.tf).
#
# A dedicated SQL pool bills by the hour while it runs, even idle: pause it when unused
# (az synapse sql pool pause -n <pool> --workspace-name <workspace> -g <resource group>).

resource "random_password" "synapse_sql_admin" {
  length      = 32
  min_upper   = 2
  min_lower   = 2
  min_numeric = 2
  min_special = 2
  # Nothing that would end or quote a value of the ADO.NET connection string (; = ' ").
  override_special = "!#%*()-_+[]{}<>?"
}

resource "azurerm_synapse_workspace" "main" {
  name                                 = "syn-${local.unique}"
  resource_group_name                  = azurerm_resource_group.main.name
  location                             = azurerm_resource_group.main.location
  storage_data_lake_gen2_filesystem_id = "${azurerm_storage_account.lake.primary_dfs_endpoint}${azurerm_storage_container.this["synapse"].name}"
  sql_administrator_login              = var.synapse_sql_admin_login
  sql_administrator_login_password     = random_password.synapse_sql_admin.result
  tags                                 = local.tags

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_synapse_sql_pool" "warehouse" {
  name                      = var.synapse_sql_pool_name
  synapse_workspace_id      = azurerm_synapse_workspace.main.id
  sku_name                  = var.synapse_sql_pool_sku
  create_mode               = "Default"
  storage_account_type      = var.synapse_sql_pool_storage_account_type
  geo_backup_policy_enabled = var.synapse_sql_pool_storage_account_type == "GRS"
  tags                      = local.tags
}

# The silos reach the pool from AKS, whose outbound addresses are Azure addresses.
resource "azurerm_synapse_firewall_rule" "azure_services" {
  name                 = "AllowAllWindowsAzureIps"
  synapse_workspace_id = azurerm_synapse_workspace.main.id
  start_ip_address     = "0.0.0.0"
  end_ip_address       = "0.0.0.0"
}

# Operators (Power BI Desktop, SSMS, dbt-synapse) from the addresses in var.synapse_client_ip_addresses.
resource "azurerm_synapse_firewall_rule" "clients" {
  for_each = { for ip in var.synapse_client_ip_addresses : "client-${replace(ip, ".", "-")}" => ip }

  name                 = each.key
  synapse_workspace_id = azurerm_synapse_workspace.main.id
  start_ip_address     = each.value
  end_ip_address       = each.value
}

locals {
  # ADO.NET connection string of the dedicated SQL pool (Insights:Warehouse:Synapse:ConnectionString, Key Vault).
  synapse_connection_string = join(";", [
    "Server=tcp:${azurerm_synapse_workspace.main.name}.sql.azuresynapse.net,1433",
    "Initial Catalog=${azurerm_synapse_sql_pool.warehouse.name}",
    "User ID=${var.synapse_sql_admin_login}",
    "Password=${random_password.synapse_sql_admin.result}",
    "Encrypt=True",
    "TrustServerCertificate=False",
    "Connection Timeout=30",
  ])
}
