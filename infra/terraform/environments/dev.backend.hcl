# terraform init -backend-config=environments/dev.backend.hcl (after cp backend.tf.example backend.tf).
# The state account is created once, outside this configuration: docs/deployment.md, "State storage".
resource_group_name  = "rg-insights-tfstate"
storage_account_name = "<state-storage-account>"
container_name       = "tfstate"
key                  = "insights/dev.tfstate"
