import { Module } from '@nestjs/common';
import { customerApplicationProviders } from '@app/application';
import { ContractsModule } from '../contracts/contracts.module';
import { AddressesController } from './addresses/addresses.http.controller';
import { BulkOperationsController } from './bulk-operations/bulk-operations.http.controller';
import { BulkUpdateController } from './bulk-update/bulk-update.http.controller';
import { ChangeBillingSettingsController } from './change-billing-settings/change-billing-settings.http.controller';
import { ContactsController } from './contacts/contacts.http.controller';
import { CustomerQueriesController } from './queries/customer-queries.http.controller';
import { EditCustomerController } from './edit-customer/edit-customer.http.controller';
import { CustomerLifecycleController } from './lifecycle/lifecycle.http.controller';
import { ErasePersonalDataController } from './erase-personal-data/erase-personal-data.http.controller';
import { RecordInteractionController } from './record-interaction/record-interaction.http.controller';
import { RegisterCustomerController } from './register-customer/register-customer.http.controller';

const queryControllers = [CustomerQueriesController];

@Module({
  imports: [ContractsModule],
  controllers: [
    // Queries first: `GET /customers/export.csv` must be matched before `GET /customers/:id`.
    ...queryControllers,
    RegisterCustomerController,
    BulkUpdateController,
    BulkOperationsController,
    EditCustomerController,
    ChangeBillingSettingsController,
    AddressesController,
    ContactsController,
    RecordInteractionController,
    CustomerLifecycleController,
    ErasePersonalDataController,
  ],
  providers: customerApplicationProviders,
})
export class CustomersModule {}
