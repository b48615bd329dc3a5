# Inputs. Every environment sets its own in environments/<env>.tfvars; everything else keeps the defaults below.

# --- Naming and placement -----------------------------------------------------------------------------------------

variable "project" {
  description = "Short project name, the first part of every resource name (2 to 10 lowercase letters or digits, starting with a letter)."
  type        = string
  default     = "insights"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.project))
    error_message = "project must be 2 to 10 lowercase letters or digits, starting with a letter (it goes into storage account and Key Vault names)."
  }
}

variable "environment" {
  description = "Environment name, the second part of every resource name: dev, test, stage, prod or another 2 to 5 lowercase letters or digits."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,4}$", var.environment))
    error_message = "environment must be 2 to 5 lowercase letters or digits, starting with a letter (e.g. dev, prod)."
  }
}

variable "location" {
  description = "Azure region of every resource, e.g. westeurope. It must offer AKS, Event Hubs, AI Language and Synapse."
  type        = string
  default     = "westeurope"

  validation {
    condition     = can(regex("^[a-z]+[a-z0-9]*$", var.location))
    error_message = "location must be an Azure region name in lowercase without spaces, e.g. westeurope or eastus2."
  }
}

variable "subscription_id" {
  description = "Azure subscription to deploy into. null: ARM_SUBSCRIPTION_ID, else the Azure CLI's current subscription."
  type        = string
  default     = null

  validation {
    condition     = var.subscription_id == null || can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "subscription_id must be a subscription GUID, or null."
  }
}

variable "resource_group_name" {
  description = "Name of the resource group to create. null: rg-<project>-<environment>."
  type        = string
  default     = null

  validation {
    condition     = var.resource_group_name == null || can(regex("^[-\\w\\.\\(\\)]{1,89}[-\\w\\(\\)]$", var.resource_group_name))
    error_message = "resource_group_name must be 1 to 90 letters, digits, '-', '_', '.', '(' or ')', not ending with '.'."
  }
}

variable "tags" {
  description = "Tags added to every resource (project, environment and managed-by are always set)."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.tags : length(k) <= 512 && length(v) <= 256])
    error_message = "Tag names are at most 512 characters and tag values at most 256."
  }
}

# --- Kubernetes ------------------------------------------------------------------------------------------------------

variable "kubernetes_namespace" {
  description = "Namespace the azure overlay deploys into (infra/k8s/overlays/azure/kustomization.yaml): the workload identity is federated with its insights-silo and insights-api service accounts."
  type        = string
  default     = "insights"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.kubernetes_namespace))
    error_message = "kubernetes_namespace must be a DNS label: 1 to 63 lowercase letters, digits or '-', starting and ending with a letter or digit."
  }
}

variable "aks_kubernetes_version" {
  description = "Kubernetes version of AKS (e.g. 1.33). null: the region's default; patches follow the patch upgrade channel."
  type        = string
  default     = null

  validation {
    condition     = var.aks_kubernetes_version == null || can(regex("^[0-9]+\\.[0-9]+(\\.[0-9]+)?$", var.aks_kubernetes_version))
    error_message = "aks_kubernetes_version must look like 1.33 or 1.33.2, or be null."
  }
}

variable "aks_sku_tier" {
  description = "AKS control plane tier: Free (no uptime SLA, development), Standard (SLA) or Premium."
  type        = string
  default     = "Standard"

  validation {
    condition     = contains(["Free", "Standard", "Premium"], var.aks_sku_tier)
    error_message = "aks_sku_tier must be Free, Standard or Premium."
  }
}

variable "aks_node_vm_size" {
  description = "VM size of the AKS nodes. A silo requests 0.5 CPU and 1 GiB (limit 2 CPU, 2 GiB), an API pod 0.25 CPU and 512 MiB."
  type        = string
  default     = "Standard_D4ds_v5"

  validation {
    condition     = can(regex("^Standard_[A-Za-z0-9_]+$", var.aks_node_vm_size))
    error_message = "aks_node_vm_size must be an Azure VM size such as Standard_D4ds_v5."
  }
}

variable "aks_node_min_count" {
  description = "Fewest AKS nodes (cluster autoscaler). 3 spreads the 3 minimum silos over 3 nodes."
  type        = number
  default     = 3

  validation {
    condition     = var.aks_node_min_count >= 1 && var.aks_node_min_count <= 100 && floor(var.aks_node_min_count) == var.aks_node_min_count
    error_message = "aks_node_min_count must be a whole number from 1 to 100."
  }
}

variable "aks_node_max_count" {
  description = "Most AKS nodes (cluster autoscaler); room for the silo and API autoscalers' maximum (10 each)."
  type        = number
  default     = 6

  validation {
    condition     = var.aks_node_max_count >= 1 && var.aks_node_max_count <= 1000 && floor(var.aks_node_max_count) == var.aks_node_max_count
    error_message = "aks_node_max_count must be a whole number from 1 to 1000 (and not below aks_node_min_count)."
  }
}

variable "aks_availability_zones" {
  description = "Availability zones of the AKS nodes, e.g. [\"1\", \"2\", \"3\"]; empty where the region has none."
  type        = list(string)
  default     = ["1", "2", "3"]

  validation {
    condition     = alltrue([for z in var.aks_availability_zones : contains(["1", "2", "3"], z)])
    error_message = "aks_availability_zones may only hold \"1\", \"2\" and \"3\"."
  }
}

variable "acr_sku" {
  description = "Azure Container Registry tier: Basic, Standard or Premium (geo-replication, private link)."
  type        = string
  default     = "Standard"

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.acr_sku)
    error_message = "acr_sku must be Basic, Standard or Premium."
  }
}

# --- Storage and streams -------------------------------------------------------------------------------------------

variable "storage_replication_type" {
  description = "Replication of the lake and grain-state account: LRS, ZRS, GRS, RAGRS, GZRS or RAGZRS."
  type        = string
  default     = "ZRS"

  validation {
    condition     = contains(["LRS", "ZRS", "GRS", "RAGRS", "GZRS", "RAGZRS"], var.storage_replication_type)
    error_message = "storage_replication_type must be LRS, ZRS, GRS, RAGRS, GZRS or RAGZRS."
  }
}

variable "stream_queue_count" {
  description = "Insights:Streams:Queues: how many Storage queues to create for the AzureQueue stream provider (the silos and the API must use the same number)."
  type        = number
  default     = 8

  validation {
    condition     = var.stream_queue_count >= 0 && var.stream_queue_count <= 256 && floor(var.stream_queue_count) == var.stream_queue_count
    error_message = "stream_queue_count must be a whole number from 0 to 256."
  }
}

variable "stream_queue_prefix" {
  description = "Insights:Streams:AzureQueue:QueuePrefix: the queues are named <prefix>-0 to <prefix>-<count - 1>."
  type        = string
  default     = "insights-video"

  validation {
    condition     = can(regex("^[a-z0-9](-?[a-z0-9])*$", var.stream_queue_prefix)) && length(var.stream_queue_prefix) <= 56
    error_message = "stream_queue_prefix must be 1 to 56 lowercase letters, digits and single hyphens, starting and ending with a letter or digit."
  }
}

variable "eventhubs_capacity" {
  description = "Throughput units of the Event Hubs namespace (Standard tier: 1 MB/s or 1,000 events/s in, 2 MB/s out per unit)."
  type        = number
  default     = 1

  validation {
    condition     = var.eventhubs_capacity >= 1 && var.eventhubs_capacity <= 40 && floor(var.eventhubs_capacity) == var.eventhubs_capacity
    error_message = "eventhubs_capacity must be a whole number from 1 to 40."
  }
}

variable "eventhubs_max_throughput_units" {
  description = "Auto-inflate ceiling of the Event Hubs namespace in throughput units; 0 turns auto-inflate off."
  type        = number
  default     = 0

  validation {
    condition     = var.eventhubs_max_throughput_units >= 0 && var.eventhubs_max_throughput_units <= 40 && floor(var.eventhubs_max_throughput_units) == var.eventhubs_max_throughput_units
    error_message = "eventhubs_max_throughput_units must be a whole number from 0 (off) to 40."
  }
}

variable "eventhub_name" {
  description = "Insights:Streams:EventHubs:Path: the event hub carrying the events to the silos."
  type        = string
  default     = "video-events"

  validation {
    condition     = can(regex("^[A-Za-z0-9]([A-Za-z0-9._-]{0,254}[A-Za-z0-9])?$", var.eventhub_name))
    error_message = "eventhub_name must be 1 to 256 letters, digits, '.', '_' or '-', starting and ending with a letter or digit."
  }
}

variable "eventhub_partition_count" {
  description = "Partitions of the hub, one Orleans queue each (the provider reads the count from the hub). Fixed once created on the Standard tier."
  type        = number
  default     = 8

  validation {
    condition     = var.eventhub_partition_count >= 1 && var.eventhub_partition_count <= 32 && floor(var.eventhub_partition_count) == var.eventhub_partition_count
    error_message = "eventhub_partition_count must be a whole number from 1 to 32 (the Standard tier's maximum)."
  }
}

variable "eventhub_message_retention_days" {
  description = "Days the hub keeps events: how far back silos can re-read after an outage (Standard tier: 1 to 7)."
  type        = number
  default     = 7

  validation {
    condition     = var.eventhub_message_retention_days >= 1 && var.eventhub_message_retention_days <= 7 && floor(var.eventhub_message_retention_days) == var.eventhub_message_retention_days
    error_message = "eventhub_message_retention_days must be a whole number from 1 to 7."
  }
}

variable "eventhub_consumer_group" {
  description = "Insights:Streams:EventHubs:ConsumerGroup: the consumer group the silos read the hub with."
  type        = string
  default     = "insights-silos"

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$", var.eventhub_consumer_group)) && var.eventhub_consumer_group != "$Default"
    error_message = "eventhub_consumer_group must be 1 to 50 letters, digits, '.', '_' or '-', starting with a letter or digit."
  }
}

variable "eventhub_checkpoint_table" {
  description = "Insights:Streams:EventHubs:Checkpoint:TableName: the table of the lake account holding each partition's checkpoint."
  type        = string
  default     = "insightscheckpoints"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9]{2,62}$", var.eventhub_checkpoint_table))
    error_message = "eventhub_checkpoint_table must be 3 to 63 letters and digits, starting with a letter."
  }
}

variable "eventhub_capture_enabled" {
  description = "Event Hubs Capture of the hub into the lake's raw container (eventhubs/...): the raw zone of events sent straight to the hub."
  type        = bool
  default     = true
}

variable "eventhub_capture_interval_seconds" {
  description = "How often Capture writes a file per partition (60 to 900 seconds): the delay before hub events appear in the raw zone."
  type        = number
  default     = 300

  validation {
    condition     = var.eventhub_capture_interval_seconds >= 60 && var.eventhub_capture_interval_seconds <= 900 && floor(var.eventhub_capture_interval_seconds) == var.eventhub_capture_interval_seconds
    error_message = "eventhub_capture_interval_seconds must be a whole number from 60 to 900."
  }
}

# --- Sentiment, membership, warehouse ------------------------------------------------------------------------------

variable "language_sku" {
  description = "Azure AI Language pricing tier: F0 (free, 5,000 records a month, one per subscription) or S (standard)."
  type        = string
  default     = "S"

  validation {
    condition     = contains(["F0", "S"], var.language_sku)
    error_message = "language_sku must be F0 or S."
  }
}

variable "synapse_sql_admin_login" {
  description = "SQL administrator login of the Synapse workspace; its password is generated and only kept in the Synapse connection string secret."
  type        = string
  default     = "insightsadmin"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_]{2,63}$", var.synapse_sql_admin_login)) && !contains(["admin", "administrator", "sa", "root", "dbmanager", "loginmanager", "dbo", "guest", "public"], lower(var.synapse_sql_admin_login))
    error_message = "synapse_sql_admin_login must be 3 to 64 letters, digits or '_', start with a letter, and not be a reserved name (admin, sa, root, dbo...)."
  }
}

variable "synapse_sql_pool_name" {
  description = "Name of the dedicated SQL pool (the database of Insights:Warehouse:Synapse:ConnectionString)."
  type        = string
  default     = "insights"

  validation {
    condition     = can(regex("^[A-Za-z0-9_]{1,60}$", var.synapse_sql_pool_name))
    error_message = "synapse_sql_pool_name must be 1 to 60 letters, digits or '_'."
  }
}

variable "synapse_sql_pool_sku" {
  description = "Performance level of the dedicated SQL pool, DW100c (smallest) to DW30000c. Billed by the hour while running."
  type        = string
  default     = "DW100c"

  validation {
    condition     = can(regex("^DW[0-9]+c$", var.synapse_sql_pool_sku))
    error_message = "synapse_sql_pool_sku must be a DWU level such as DW100c, DW200c or DW1000c."
  }
}

variable "synapse_sql_pool_storage_account_type" {
  description = "Backup storage of the dedicated SQL pool: LRS, or GRS (geo-backups on)."
  type        = string
  default     = "GRS"

  validation {
    condition     = contains(["LRS", "GRS"], var.synapse_sql_pool_storage_account_type)
    error_message = "synapse_sql_pool_storage_account_type must be LRS or GRS."
  }
}

variable "synapse_client_ip_addresses" {
  description = "Public IPv4 addresses allowed through the Synapse firewall besides Azure services (operators: Power BI Desktop, SSMS, dbt)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for ip in var.synapse_client_ip_addresses : can(regex("^(\\d{1,3}\\.){3}\\d{1,3}$", ip)) && can(cidrhost("${ip}/32", 0))])
    error_message = "synapse_client_ip_addresses must hold IPv4 addresses such as 203.0.113.7."
  }
}

# --- Key Vault and the API key -------------------------------------------------------------------------------------

variable "key_vault_purge_protection" {
  description = "Purge protection of the Key Vault: deleted secrets and the vault itself stay recoverable for the retention period. Cannot be turned off once on; keep it on in production."
  type        = bool
  default     = true
}

variable "key_vault_soft_delete_retention_days" {
  description = "Days a deleted Key Vault or secret stays recoverable (7 to 90). Fixed once the vault exists."
  type        = number
  default     = 90

  validation {
    condition     = var.key_vault_soft_delete_retention_days >= 7 && var.key_vault_soft_delete_retention_days <= 90 && floor(var.key_vault_soft_delete_retention_days) == var.key_vault_soft_delete_retention_days
    error_message = "key_vault_soft_delete_retention_days must be a whole number from 7 to 90."
  }
}

variable "api_key_name" {
  description = "Insights:Auth:ApiKeys:0:Name: the name of the generated API key (logs, rate-limit partitions, rotation). Must match the azure overlay's config.env."
  type        = string
  default     = "primary"

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", var.api_key_name))
    error_message = "api_key_name must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit."
  }
}
