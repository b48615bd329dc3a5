# Terraform and provider versions, and the azurerm provider's settings.
#
# State: copy backend.tf.example to backend.tf and run
#   terraform init -backend-config=environments/<env>.backend.hcl
# (docs/deployment.md). Without it, state stays in a local terraform.tfstate, which is fine for a throw-away try.

terraform {
  required_version = ">= 1.6"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # 4.46 added storage_account_id to azurerm_storage_queue (queues created through Azure Resource Manager, no
      # data-plane access needed by whoever runs Terraform).
      version = "~> 4.46"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.12"
    }
  }
}

provider "azurerm" {
  # null: taken from ARM_SUBSCRIPTION_ID (CI) or the Azure CLI's current subscription (az account set).
  subscription_id = var.subscription_id

  features {
    key_vault {
      # Without purge protection (dev), destroying the stack purges the vault so its name can be reused at once.
      purge_soft_delete_on_destroy    = !var.key_vault_purge_protection
      recover_soft_deleted_key_vaults = true
    }

    resource_group {
      prevent_deletion_if_contains_resources = true
    }
  }
}
