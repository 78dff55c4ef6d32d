import { personRoute } from '../personRoute'

// The same person's page: the articles they supervised
const { generateMetadata, Page } = personRoute('supervisor')
export { generateMetadata }
export default Page
